package org.luoshi.task.succession.domain;

/** What became of an unfinished task of a plan that has a successor. */
public enum CarryOverDecision {
    /** 结转: continued as a task of the new plan. */
    CARRIED,
    /** 关闭: not continued, with the reason why. */
    CLOSED
}
