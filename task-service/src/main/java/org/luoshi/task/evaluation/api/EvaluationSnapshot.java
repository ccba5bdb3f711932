package org.luoshi.task.evaluation.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.luoshi.task.evaluation.domain.EvaluationKind;
import org.luoshi.task.indicator.api.IndicatorView;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.tracking.api.MilestoneReportView;
import org.luoshi.task.tracking.api.StatusRollup;
import org.luoshi.task.tracking.api.TaskRevisionView;
import org.luoshi.task.tracking.api.TaskView;

/**
 * What an evaluation looks at, frozen at launch: the plan, its structure, every task with its milestones, reports
 * and adjustments, the indicators with their assessment, and the 红黄绿 roll-ups, all as of {@link #asOf()}. Stored
 * as canonical JSON text (keys sorted, numbers plain) whose SHA-256 the evaluation keeps; lists are in the plan's
 * order (chapters, sections, tasks by reference, indicators by ordinal, reports by submission, revisions by number).
 */
public record EvaluationSnapshot(int format, LocalDate asOf, PlanPart plan, Scope scope, List<DepartmentPart> departments,
        List<ChapterPart> chapters, List<TaskPart> tasks, List<IndicatorView> indicators,
        List<OriginalTarget> originalTargets, StatusRollup rollup) {

    public static final int FORMAT = 1;

    public record PlanPart(Long id, String title, List<String> issuingBodies, int periodStart, int periodEnd,
            PlanStatus status) {
    }

    public record Scope(EvaluationKind kind, LocalDate periodFrom, LocalDate periodTo, String organisationCode,
            String organisationName) {
    }

    /** A department in scope, with the name it had at launch. */
    public record DepartmentPart(String code, String nameZh) {
    }

    public record ChapterPart(Long id, int ordinal, String number, String title, boolean context,
            List<SectionPart> sections) {
    }

    public record SectionPart(Long id, int ordinal, String number, String title) {
    }

    /** An indicator's target as first set, for an indicator whose target was changed since (from the audit log). */
    public record OriginalTarget(Long indicatorId, int targetYear, BigDecimal targetValue, TargetComparison comparison) {
    }

    /** A task as of the snapshot day (light, milestones' overdue flags), its milestone reports and its revisions. */
    public record TaskPart(TaskView task, String chapterNumber, List<MilestoneReportView> reports,
            List<TaskRevisionView> revisions) {
    }
}
