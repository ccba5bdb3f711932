package org.luoshi.task.evaluation.domain;

/** Where a proposal stands: open in the supervising office's inbox, or decided one way or the other. */
public enum ProposalStatus {
    OPEN, ADJUSTMENT_STARTED, DECLINED
}
