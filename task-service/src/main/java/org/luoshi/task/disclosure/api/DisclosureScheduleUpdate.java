package org.luoshi.task.disclosure.api;

import jakarta.validation.constraints.NotNull;

import org.luoshi.task.disclosure.domain.DisclosureInterval;

public record DisclosureScheduleUpdate(@NotNull DisclosureInterval interval, @NotNull Boolean enabled) {
}
