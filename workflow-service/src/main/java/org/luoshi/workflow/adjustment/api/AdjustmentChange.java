package org.luoshi.workflow.adjustment.api;

/**
 * One change a request of 动态调整 asks for, old and new side by side as the decider reads them: {@code field} is
 * DUE_DATE (the task's 完成时限), MILESTONE_DUE_DATE (a milestone's, {@code milestoneId} and its title as {@code label}),
 * LEAD_DEPARTMENT (names, not codes) or TITLE. {@code before} is the value task-service holds now (null when it could
 * not be asked).
 */
public record AdjustmentChange(String field, Long milestoneId, String label, String before, String after) {
}
