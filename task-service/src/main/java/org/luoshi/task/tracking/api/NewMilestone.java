package org.luoshi.task.tracking.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A milestone to add or the new state of one: title, due date, deliverable, weight in the task's progress. */
public record NewMilestone(
        @NotBlank @Size(max = 300) String title,
        @NotNull LocalDate dueDate,
        @Size(max = 500) String deliverable,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") BigDecimal weight) {
}
