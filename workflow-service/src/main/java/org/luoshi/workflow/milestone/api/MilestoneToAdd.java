package org.luoshi.workflow.milestone.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The milestone of {@code POST /api/milestone-trackings {taskId, milestone}}: added to the task and tracked in one
 * request. Its rules are task-service's for a new milestone (POST /api/tasks/{id}/milestones), which answers the 400
 * naming {@code milestone.title}, {@code milestone.dueDate}…; this service checks only the JSON types.
 */
@Schema(description = "a milestone to add to the task and track; task-service's rules for a new milestone apply")
public record MilestoneToAdd(
        @Schema(description = "what is to be done by the due date (not blank, as task-service limits it)", examples = "完成中期评估",
                required = true)
        String title,
        @Schema(description = "due date, yyyy-MM-dd", examples = "2026-06-30", required = true)
        LocalDate dueDate,
        @Schema(description = "the deliverable that shows it done (optional)", examples = "评估报告")
        String deliverable,
        @Schema(description = "its weight in the task's progress (optional, default 1)", examples = "1")
        BigDecimal weight) {
}
