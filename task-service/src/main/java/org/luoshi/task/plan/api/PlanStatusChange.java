package org.luoshi.task.plan.api;

import jakarta.validation.constraints.NotNull;

import org.luoshi.task.plan.domain.PlanStatus;

public record PlanStatusChange(@NotNull PlanStatus status) {
}
