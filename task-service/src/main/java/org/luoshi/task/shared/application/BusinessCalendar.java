package org.luoshi.task.shared.application;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Today's date where the plan is carried out: status lights and deadlines are counted in Beijing days. */
@ApplicationScoped
public class BusinessCalendar {
    @ConfigProperty(name = "luoshi.time-zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    @ConfigProperty(name = "luoshi.today")
    Optional<LocalDate> pinnedToday;

    public LocalDate today() {
        return pinnedToday.orElseGet(() -> LocalDate.now(zone));
    }

    /** The business day an instant falls on. */
    public LocalDate dayOf(java.time.Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
