package org.luoshi.workflow.escalation;

import java.util.List;

/**
 * The reminder → 催办 → 督办 ladder as configured ({@code luoshi.workflow.ladder.*}): each rung's offset from the due
 * date (ISO-8601, negative = before it) and whom it notifies (recipients: lead, co, supervision), and the time of day and zone rungs are due at.
 */
public record LadderView(List<RungView> rungs, String timeOfDay, String zone) {

    /** {@code rung}: reminder, urging or supervision; {@code offsetDays}: the offset in whole days when it is one. */
    public record RungView(String rung, String label, String offset, Long offsetDays, List<String> recipients) {
    }
}
