package org.luoshi.workflow.evaluation.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.luoshi.workflow.adjustment.api.AdjustmentRequest;

/** Body of {@code POST /api/evaluations}: a mid-term or final evaluation of a plan by a third-party organisation. */
public record EvaluationLaunch(
        @Schema(description = "id of the plan in task-service", examples = "1") @NotNull @Positive Long planId,
        @Schema(description = "MID_TERM (中期) or FINAL (末期)") @NotNull
        @Pattern(regexp = "MID_TERM|FINAL", message = "must be MID_TERM or FINAL") String kind,
        @Schema(description = "first day of the period evaluated, yyyy-MM-dd") @NotNull
        @Pattern(regexp = AdjustmentRequest.DATE, message = AdjustmentRequest.DATE_MESSAGE) String periodFrom,
        @Schema(description = "last day of the period evaluated, yyyy-MM-dd") @NotNull
        @Pattern(regexp = AdjustmentRequest.DATE, message = AdjustmentRequest.DATE_MESSAGE) String periodTo,
        @Schema(description = "code of the evaluation organisation (GET /api/evaluation-organisations in task-service)", examples = "kjpg")
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be an organisation code such as kjpg") String organisation,
        @Schema(description = "when the departments' self-assessments are due, yyyy-MM-dd") @NotNull
        @Pattern(regexp = AdjustmentRequest.DATE, message = AdjustmentRequest.DATE_MESSAGE) String selfAssessmentDue) {
}
