package org.luoshi.workflow.evaluation.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.luoshi.workflow.workitem.Review;

/** The review of an evaluation report (审核评估报告): APPROVE, or RETURN with a comment for the evaluator. */
@Review.CommentRequiredToSendBack
public record EvaluationReviewForm(
        @Schema(description = "APPROVE or RETURN") @NotNull EvaluationDecision decision,
        @Schema(description = "what the evaluator must change; required when the decision is RETURN") @Size(max = 5000) String comment)
        implements Review {

    @Override
    public boolean sendsBack() {
        return decision == EvaluationDecision.RETURN;
    }
}
