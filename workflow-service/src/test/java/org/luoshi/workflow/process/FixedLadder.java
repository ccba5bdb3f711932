package org.luoshi.workflow.process;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

/**
 * Stands in for the {@code ladder} bean the ladder timers call ({@code ${ladder.fireAt('reminder', dueDate,
 * ladderArmedAt)}}), with the production defaults written out: 提醒 7 days before the due date, 催办 1 day and 督办
 * 7 days after it, at 09:00 in Asia/Shanghai; a rung whose time lies before the arming moment fires at that moment.
 * The rule itself is unit-tested against the real bean; here it only has to give the timers known times.
 */
public final class FixedLadder {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Map<String, Duration> OFFSETS = Map.of("reminder", Duration.ofDays(-7), "urging",
            Duration.ofDays(1), "supervision", Duration.ofDays(7));

    /** When the rung is due for a due date (yyyy-MM-dd). */
    public static Date at(String rung, String dueDate) {
        return Date.from(LocalDate.parse(dueDate).atTime(LocalTime.of(9, 0)).atZone(ZONE).plus(OFFSETS.get(rung)).toInstant());
    }

    /** Called by the BPMN's timer expressions. */
    public Date fireAt(String rung, String dueDate, Date armedAt) {
        Date at = at(rung, dueDate);
        return armedAt != null && at.before(armedAt) ? armedAt : at;
    }
}
