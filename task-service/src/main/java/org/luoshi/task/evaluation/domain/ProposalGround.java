package org.luoshi.task.evaluation.domain;

/** Why a finding became a proposal. */
public enum ProposalGround {
    /** The task it names is behind schedule (红灯: it or an open milestone is past due). */
    TASK_BEHIND_SCHEDULE,
    /** The indicator it names is unlikely to be met (难以实现预警) or missed its target. */
    INDICATOR_UNLIKELY
}
