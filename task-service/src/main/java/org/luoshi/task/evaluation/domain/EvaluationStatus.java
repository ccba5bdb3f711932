package org.luoshi.task.evaluation.domain;

/**
 * The phases of an evaluation (docs/evaluation-and-disclosure.md): SELF_ASSESSMENT → IN_REVIEW → (RETURNED →
 * IN_REVIEW)* → APPROVED → PUBLISHED. workflow-service moves it; the evaluator works on it while it is editable.
 */
public enum EvaluationStatus {
    SELF_ASSESSMENT, IN_REVIEW, RETURNED, APPROVED, PUBLISHED;

    /** Scores, findings and reports change only before submission or after a return. */
    public boolean editable() {
        return this == SELF_ASSESSMENT || this == RETURNED;
    }
}
