package org.luoshi.task.plan.api;

import jakarta.validation.constraints.NotNull;

/** The plan a plan succeeds. */
public record PredecessorLink(@NotNull Long predecessorId) {
}
