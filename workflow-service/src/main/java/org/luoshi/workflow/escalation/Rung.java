package org.luoshi.workflow.escalation;

import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

/** The rungs of the lateness ladder, in order: 提醒 before the due date, 催办 and 督办 after it. */
public enum Rung {
    REMINDER("reminder", "提醒", MilestoneReportingProcess.WAIT_REMINDER, MilestoneReportingProcess.NOTIFY_REMINDER),
    URGING("urging", "催办", MilestoneReportingProcess.WAIT_URGING, MilestoneReportingProcess.NOTIFY_URGING),
    SUPERVISION("supervision", "督办", MilestoneReportingProcess.WAIT_SUPERVISION, MilestoneReportingProcess.NOTIFY_SUPERVISION);

    public final String configName;
    public final String label;
    public final String timerActivityId;
    public final String notifyActivityId;

    Rung(String configName, String label, String timerActivityId, String notifyActivityId) {
        this.configName = configName;
        this.label = label;
        this.timerActivityId = timerActivityId;
        this.notifyActivityId = notifyActivityId;
    }

    public static Rung named(String name) {
        for (Rung rung : values()) {
            if (rung.configName.equalsIgnoreCase(name) || rung.name().equalsIgnoreCase(name)) {
                return rung;
            }
        }
        throw new IllegalArgumentException("No ladder rung '" + name + "'");
    }

    public static Rung ofActivity(String activityId) {
        for (Rung rung : values()) {
            if (rung.timerActivityId.equals(activityId) || rung.notifyActivityId.equals(activityId)) {
                return rung;
            }
        }
        throw new IllegalArgumentException("No ladder rung at activity '" + activityId + "'");
    }
}
