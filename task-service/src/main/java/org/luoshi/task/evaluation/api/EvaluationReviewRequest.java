package org.luoshi.task.evaluation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The supervising office's decision on a submitted evaluation; a RETURN needs a comment. */
public record EvaluationReviewRequest(
        @NotNull Decision decision,
        @Size(max = 5000) String comment,
        @NotBlank @Size(max = 100) String decidedBy) {

    public enum Decision {
        APPROVE, RETURN
    }
}
