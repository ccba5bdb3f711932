package org.luoshi.task.disclosure.domain;

import java.time.LocalDate;

/** How often a plan's status is published by its schedule; each period gets one scheduled snapshot. */
public enum DisclosureInterval {
    /** 每月 */
    MONTHLY,
    /** 每季度 */
    QUARTERLY;

    /** The period a day falls in, as stored with a scheduled snapshot: "2026-11" or "2026-Q4". */
    public String periodOf(LocalDate day) {
        return switch (this) {
            case MONTHLY -> String.format("%04d-%02d", day.getYear(), day.getMonthValue());
            case QUARTERLY -> String.format("%04d-Q%d", day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
        };
    }

    /** The first day of the period after the one {@code day} falls in. */
    public LocalDate nextPeriodStart(LocalDate day) {
        LocalDate monthStart = day.withDayOfMonth(1);
        return switch (this) {
            case MONTHLY -> monthStart.plusMonths(1);
            case QUARTERLY -> monthStart.withMonth((day.getMonthValue() - 1) / 3 * 3 + 1).plusMonths(3);
        };
    }
}
