package org.luoshi.workflow.evaluation.api;

/** The supervising office's last return of the evaluation report: its comment, who, when. */
public record EvaluationReturn(String comment, String decidedBy, String decidedAt) {
}
