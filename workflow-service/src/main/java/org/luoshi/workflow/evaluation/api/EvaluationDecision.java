package org.luoshi.workflow.evaluation.api;

/** The supervising office's decision on an evaluation report. */
public enum EvaluationDecision {
    APPROVE, RETURN
}
