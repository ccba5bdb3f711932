package org.luoshi.task.evaluation.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.luoshi.task.evaluation.domain.EvaluationKind;
import org.luoshi.task.evaluation.domain.Rubric;

/** An evaluation as workflow-service launches it; without a rubric the default one applies. */
public record NewEvaluation(
        @NotNull Long planId,
        @NotNull EvaluationKind kind,
        @NotNull LocalDate periodFrom,
        @NotNull LocalDate periodTo,
        @NotBlank @Size(max = 40) String organisation,
        @NotNull LocalDate selfAssessmentDue,
        @NotBlank @Size(max = 100) String launchedBy,
        Rubric rubric) {
}
