package org.luoshi.task.tracking.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

/** The milestone was achieved on that day (its report approved). */
public record MilestoneCompletion(@NotNull LocalDate completedOn) {
}
