package org.luoshi.task.tracking.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.luoshi.task.plan.domain.PlanChapter;
import org.luoshi.task.plan.domain.PlanSection;
import org.luoshi.task.tracking.api.MilestoneView;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.StatusLightPolicy;

/** Builds the API's view of a task: where it stands in the plan, its light today, its progress. */
public final class TaskViews {
    private TaskViews() {
    }

    public static TaskView of(PlanTask t, PlanStructure structure, LocalDate today) {
        PlanSection section = structure.section(t);
        PlanChapter chapter = structure.chapter(t);
        List<MilestoneView> milestones = t.milestones.stream().map(m -> MilestoneView.of(m, today)).toList();
        return new TaskView(t.id, t.planId, t.plan == null ? null : t.plan.status, structure.reference(t), t.sectionId,
                chapter == null ? null : chapter.number + "、" + chapter.title,
                section == null ? null : section.number + section.title,
                t.ordinal, t.title, t.sourceText, t.leadDepartmentCode, t.coDepartmentCodes.stream().sorted().toList(), t.dueDate, t.status,
                StatusLightPolicy.of(t, today), progress(t.milestones), milestones, t.acceptedBy, t.acceptedAt, t.completedOn,
                t.version);
    }

    /** Weighted share of milestones done; null when the task has none. */
    static BigDecimal progress(List<Milestone> milestones) {
        if (milestones.isEmpty()) {
            return null;
        }
        BigDecimal total = milestones.stream().map(m -> m.weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal done = milestones.stream().filter(Milestone::isDone).map(m -> m.weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        return done.divide(total, 4, RoundingMode.HALF_UP);
    }
}
