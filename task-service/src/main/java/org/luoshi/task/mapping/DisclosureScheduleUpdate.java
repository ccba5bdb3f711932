package org.luoshi.task.mapping;

import jakarta.validation.constraints.NotNull;

import org.luoshi.task.domain.disclosure.DisclosureInterval;

public record DisclosureScheduleUpdate(@NotNull DisclosureInterval interval, @NotNull Boolean enabled) {
}
