package org.luoshi.task.evaluation.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an assessment report (评估报告) shows, already computed: the renderer only lays it out. Built from an
 * evaluation's frozen snapshot plus its scores and findings, so the same inputs always give the same report. No
 * clock, no random ids: {@link #asOf()} is the snapshot's date and is the only date the report prints as "now".
 *
 * <p>Texts are Chinese (the report is a Chinese government document); department and chapter names are the plan's.
 */
public record AssessmentReportModel(
        String planTitle,
        EvaluationKind kind,
        LocalDate periodFrom,
        LocalDate periodTo,
        String organisationName,
        LocalDate asOf,
        String snapshotSha256,
        Overview overview,
        List<IndicatorRow> indicators,
        List<CompletionRow> byChapter,
        List<CompletionRow> byDepartment,
        List<ItemRow> overdue,
        List<ItemRow> returned,
        List<AdjustedRow> adjusted,
        List<SelfAssessmentRow> selfAssessments,
        List<ScoreRow> scores,
        BigDecimal totalScore,
        String grade,
        String findings,
        String recommendations) {

    public enum EvaluationKind {
        /** 中期评估 */
        MID_TERM,
        /** 末期评估 (总结评估) */
        FINAL
    }

    /**
     * The day the report's figures are counted on: the period's last day, or the snapshot's day when the evaluation
     * was launched before the period ended.
     */
    public LocalDate figuresAsOf() {
        return asOf.isBefore(periodTo) ? asOf : periodTo;
    }

    /**
     * Headline counts for the period, as of {@link #figuresAsOf()}: {@code chapters} all the plan's chapters,
     * {@code chaptersWithTasks} those holding tasks; {@code milestonesInPlan} every milestone, {@code milestones} those
     * due in the period (with how many of them are done and overdue); {@code adjustments} approved in the period. The
     * lights are the snapshot day's ({@code asOf}).
     */
    public record Overview(int chapters, int chaptersWithTasks, int tasks, int tasksCompleted, int tasksOverdue,
            int milestonesInPlan, int milestones, int milestonesCompleted, int milestonesOverdue, int green, int yellow,
            int red, int adjustments, int departmentsInScope, int selfAssessmentsSubmitted) {
    }

    /**
     * One row of the indicator table (指标完成情况表) and the data of its trajectory chart.
     *
     * @param kind            预期性 or 约束性, as printed
     * @param originalTarget  the target as first set, when an adjustment changed it (else null)
     * @param progressPercent share of the way from baseline to target, in percent (may exceed 100), null if unknown
     * @param requiredPace    the annual change still needed from the latest value to reach the target, in the unit
     * @param projection      the projected value in the target year
     * @param status          the outlook as printed: 已实现 / 进度正常 / 进度滞后 / 难以完成 / 暂无数据
     * @param preliminary     whether the latest value is preliminary (初步数) rather than revised (修订数)
     * @param values          every reported value, year ascending (the latest revision per year)
     * @param requiredPath    the straight path from baseline to target, one point per year (the "required pace" line)
     */
    public record IndicatorRow(String name, String unit, String kind, Integer baselineYear, BigDecimal baseline,
            int targetYear, BigDecimal target, BigDecimal originalTarget, String comparison, Integer latestYear,
            BigDecimal latestValue, boolean preliminary, BigDecimal progressPercent, BigDecimal requiredPace,
            BigDecimal projection, String status, List<YearPoint> values, List<YearPoint> requiredPath) {
    }

    public record YearPoint(int year, BigDecimal value) {
    }

    /** Task completion of one chapter or one department. {@code key} is the chapter number or department code. */
    public record CompletionRow(String key, String name, int tasks, int completed, int inProgress, int overdue,
            int green, int yellow, int red) {

        /** Completed share in percent, one decimal; 0 without tasks. */
        public BigDecimal completionPercent() {
            if (tasks == 0) {
                return BigDecimal.ZERO.setScale(1);
            }
            return BigDecimal.valueOf(completed * 100L).divide(BigDecimal.valueOf(tasks), 1, java.math.RoundingMode.HALF_UP);
        }
    }

    /** An overdue or returned task or milestone. */
    public record ItemRow(String reference, String title, String department, LocalDate dueDate, String status,
            String note) {
    }

    /** An adjusted task: original next to adjusted. */
    public record AdjustedRow(String reference, String title, String reasonCategory, String reason,
            LocalDate originalDue, LocalDate adjustedDue, String originalLead, String adjustedLead,
            String originalTarget, String adjustedTarget) {
    }

    public record SelfAssessmentRow(String departmentCode, String departmentName, boolean submitted,
            LocalDate submittedOn, String summary, String achievements, String problems, String nextSteps) {
    }

    /** One score against one rubric criterion. */
    public record ScoreRow(String subjectKind, String subjectName, String criterionName, BigDecimal score,
            BigDecimal maxScore, BigDecimal weight, String comment) {
    }
}
