package org.luoshi.task.succession.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Which indicators of this plan continue which of the plan it succeeds. Without items, those of the same name are
 * paired (those already continuing one, and old ones without any value yet, are left as they are).
 */
public record ContinuationRequest(@Size(max = 200) List<@NotNull @Valid Pair> items) {
    public record Pair(@NotNull Long indicatorId, @NotNull Long previousIndicatorId) {
    }
}
