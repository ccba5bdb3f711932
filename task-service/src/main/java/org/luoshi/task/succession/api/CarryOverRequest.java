package org.luoshi.task.succession.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 结转: tasks of the plan this one succeeds, each carried into this plan or closed with a reason; all or none. */
public record CarryOverRequest(@NotEmpty @Size(max = 500) List<@NotNull @Valid Item> items) {
    public enum Action {
        CARRY, CLOSE
    }

    /** @param reason why it is closed (required to close); for a carried task, an optional note */
    public record Item(@NotNull Long taskId, @NotNull Action action, @Size(max = 2000) String reason) {
    }
}
