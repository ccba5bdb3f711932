package org.luoshi.workflow.workitem;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The review of a milestone report or an adjustment (督查室审核): APPROVE, or REJECT with a comment. */
@Review.CommentRequiredToSendBack
public record ReviewForm(
        @Schema(description = "APPROVE or REJECT") @NotNull ReviewDecision decision,
        @Schema(description = "why the report is rejected; required when the decision is REJECT") @Size(max = 2000) String comment)
        implements Review {

    @Override
    public boolean sendsBack() {
        return decision == ReviewDecision.REJECT;
    }
}
