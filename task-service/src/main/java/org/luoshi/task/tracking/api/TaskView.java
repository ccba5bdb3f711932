package org.luoshi.task.tracking.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.TaskStatus;

/**
 * A task as the API shows it.
 *
 * @param reference where it stands in the plan, e.g. "三（一）2": chapter, section, paragraph
 * @param planStatus the plan's status: a DRAFT plan's task cannot be assigned yet (workflow-service checks it before
 *                   starting 交办)
 * @param progress  the weighted share of its milestones that are done, 0 to 1 (null without milestones)
 */
public record TaskView(Long id, Long planId, PlanStatus planStatus, String reference, Long sectionId, String chapterTitle, String sectionTitle,
        Integer ordinal, String title, String sourceText, String leadDepartmentCode, List<String> coDepartmentCodes,
        LocalDate dueDate, TaskStatus status, StatusLight light, BigDecimal progress, List<MilestoneView> milestones,
        String acceptedBy, Instant acceptedAt, LocalDate completedOn, int version) {
}
