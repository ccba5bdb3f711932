package org.luoshi.workflow.workitem;

/** The supervising office's decision on a milestone report. */
public enum ReviewDecision {
    /** 通过: the milestone is done. */
    APPROVE,
    /** 退回: the lead department reports again; a comment says why. */
    REJECT
}
