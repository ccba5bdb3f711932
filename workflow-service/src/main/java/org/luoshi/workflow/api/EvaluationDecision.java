package org.luoshi.workflow.api;

/** The supervising office's decision on an evaluation report. */
public enum EvaluationDecision {
    APPROVE, RETURN
}
