package org.luoshi.workflow.escalation;

import java.util.List;

/**
 * What a process that runs the 提醒 → 催办 → 督办 ladder provides, under these names in its BPMN: the timer and the
 * notification step of each rung (both delegating to {@code ladderRungDelegate}), the date the ladder counts from and
 * when it was armed. 节点填报与审核 and 规划实施评估 both run it; their process constants refer to these.
 */
public final class LadderContract {
    public static final String WAIT_REMINDER = "waitReminder";
    public static final String WAIT_URGING = "waitUrging";
    public static final String WAIT_SUPERVISION = "waitSupervision";
    public static final String NOTIFY_REMINDER = "notifyReminder";
    public static final String NOTIFY_URGING = "notifyUrging";
    public static final String NOTIFY_SUPERVISION = "notifySupervision";
    public static final List<String> TIMERS = List.of(WAIT_REMINDER, WAIT_URGING, WAIT_SUPERVISION);

    /** yyyy-MM-dd: the rungs' times are offsets from it (luoshi.workflow.ladder.*). */
    public static final String VAR_DUE_DATE = "dueDate";
    /** When the ladder was (re)armed: a rung whose time lay before is skipped. */
    public static final String VAR_LADDER_ARMED_AT = "ladderArmedAt";

    /** The group a 督办 goes to besides the lead: the supervision office. */
    public static final String SUPERVISION_GROUP = "supervision";

    private LadderContract() {
    }
}
