package org.luoshi.task.evaluation.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.luoshi.task.evaluation.domain.SubjectKind;

/**
 * One score: a subject of the snapshot (CHAPTER by its number, e.g. "三"; INDICATOR by its id) against a criterion
 * of the evaluation's rubric (by code).
 */
public record EvaluationScoreEntry(
        @NotNull SubjectKind subjectKind,
        @NotBlank @Size(max = 100) String subjectRef,
        @NotBlank @Size(max = 100) String criterion,
        @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2) BigDecimal score,
        @Size(max = 5000) String comment) {
}
