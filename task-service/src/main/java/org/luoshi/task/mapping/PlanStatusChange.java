package org.luoshi.task.mapping;

import jakarta.validation.constraints.NotNull;

import org.luoshi.task.domain.PlanStatus;

public record PlanStatusChange(@NotNull PlanStatus status) {
}
