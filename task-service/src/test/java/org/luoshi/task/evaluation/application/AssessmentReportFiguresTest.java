package org.luoshi.task.evaluation.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luoshi.task.evaluation.api.EvaluationSnapshot;
import org.luoshi.task.evaluation.domain.Evaluation;
import org.luoshi.task.evaluation.domain.EvaluationKind;
import org.luoshi.task.evaluation.domain.Rubric;
import org.luoshi.task.evaluation.report.AssessmentReportModel;
import org.luoshi.task.evaluation.report.AssessmentReportRenderer;
import org.luoshi.task.evaluation.report.ReportFonts;
import org.luoshi.task.indicator.api.IndicatorView;
import org.luoshi.task.indicator.domain.Baseline;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.IndicatorPolicy;
import org.luoshi.task.indicator.domain.Target;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.indicator.domain.ValueRevision;
import org.luoshi.task.indicator.domain.YearValue;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.tracking.api.MilestoneReportView;
import org.luoshi.task.tracking.api.MilestoneView;
import org.luoshi.task.tracking.api.StatusRollup;
import org.luoshi.task.tracking.api.TaskRevisionView;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.domain.AdjustmentReason;
import org.luoshi.task.tracking.domain.MilestoneStatus;
import org.luoshi.task.tracking.domain.ReportDecision;
import org.luoshi.task.tracking.domain.ReportKind;
import org.luoshi.task.tracking.domain.ReportStatus;
import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.TaskStatus;

/**
 * The report's figures are the evaluation period's: a small plan, frozen on 2026-12-05, evaluated for 2021–2023, every
 * number checked by hand.
 * <ul>
 * <li>Chapters 一 to 四; tasks in 二 and 三 only → "规划共4章，其中2章部署重点任务3项".</li>
 * <li>T1 (二, haidian) due 2022-12-31, completed 2022-11-30 → completed in the period. Milestone m1 due 2021-06-30,
 * done 2021-06-20 → due in the period and done.</li>
 * <li>T2 (三, drc) due 2023-06-30, completed only 2024-03-01 → overdue at the period's end. m3 due 2023-03-31, done
 * 2024-02-01 → due in the period, overdue at its end; m4 due 2025-06-30 → outside.</li>
 * <li>T3 (三, drc) due 2025-12-31, open. m5 due 2024-06-30 → outside (as the 392 milestones of the issue, none due in
 * the period). Adjusted on 2023-05-10 (in the period) and on 2024-04-01 (not).</li>
 * <li>Reports returned on 2023-04-15 (in) and on 2024-01-10 (not).</li>
 * <li>Indicator baseline 2020 = 100, target 2025 ≥ 200; values 2021 = 120, 2022 = 140, 2023 = 160, 2024 = 210. In
 * 2023: latest 160, progress 60.0 %, not met — 2024's 210, which meets it, is not the period's.</li>
 * </ul>
 * So: 3 tasks, 1 completed, 1 overdue; 4 milestones in the plan, 2 due in the period, 1 done, 1 overdue; 1 adjustment;
 * 1 report returned.
 */
class AssessmentReportFiguresTest {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final LocalDate SNAPSHOT_DAY = LocalDate.of(2026, 12, 5);
    static AssessmentReportModel model;

    @BeforeAll
    static void buildTheModel() {
        Evaluation evaluation = new Evaluation();
        evaluation.kind = EvaluationKind.MID_TERM;
        evaluation.periodFrom = LocalDate.of(2021, 1, 1);
        evaluation.periodTo = LocalDate.of(2023, 12, 31);
        evaluation.snapshotSha256 = "0".repeat(64);
        model = AssessmentReports.model(evaluation, snapshot(), new Rubric(List.of(), List.of()), List.of(), List.of(),
                instant -> instant.atZone(BEIJING).toLocalDate());
    }

    static EvaluationSnapshot snapshot() {
        MilestoneView m1 = milestone(1, LocalDate.of(2021, 6, 30), LocalDate.of(2021, 6, 20));
        MilestoneView m3 = milestone(3, LocalDate.of(2023, 3, 31), LocalDate.of(2024, 2, 1));
        MilestoneView m4 = milestone(4, LocalDate.of(2025, 6, 30), null);
        MilestoneView m5 = milestone(5, LocalDate.of(2024, 6, 30), null);
        TaskView t1 = task(1, "二（一）1", "haidian", LocalDate.of(2022, 12, 31), TaskStatus.COMPLETED, StatusLight.GREEN,
                LocalDate.of(2022, 11, 30), List.of(m1));
        TaskView t2 = task(2, "三（一）1", "drc", LocalDate.of(2023, 6, 30), TaskStatus.COMPLETED, StatusLight.GREEN,
                LocalDate.of(2024, 3, 1), List.of(m3, m4));
        TaskView t3 = task(3, "三（一）2", "drc", LocalDate.of(2025, 12, 31), TaskStatus.ACCEPTED, StatusLight.RED, null,
                List.of(m5));
        List<TaskRevisionView> revisions = List.of(revision(t3, 1, "2023-05-10T02:00:00Z"),
                revision(t3, 2, "2024-04-01T02:00:00Z"));
        List<MilestoneReportView> reports = List.of(returned(t2, m3, LocalDate.of(2023, 4, 15)),
                returned(t2, m3, LocalDate.of(2024, 1, 10)));
        List<IndicatorView.Value> values = List.of(value(2021, "120"), value(2022, "140"), value(2023, "160"),
                value(2024, "210"));
        Target target = new Target(2025, new BigDecimal("200"), TargetComparison.AT_LEAST);
        IndicatorView indicator = new IndicatorView(1L, 1L, 1, "研发投入", "亿元", IndicatorKind.EXPECTED, 2020,
                new BigDecimal("100"), 2025, new BigDecimal("200"), TargetComparison.AT_LEAST, null, null, null, null,
                values, IndicatorPolicy.assess(new Baseline(2020, new BigDecimal("100")), target,
                        values.stream().map(v -> new YearValue(v.year(), v.value(), v.revision())).toList(), 2026),
                0);
        return new EvaluationSnapshot(EvaluationSnapshot.FORMAT, SNAPSHOT_DAY,
                new EvaluationSnapshot.PlanPart(1L, "测试规划", List.of("北京市人民政府"), 2021, 2025, PlanStatus.IN_FORCE),
                new EvaluationSnapshot.Scope(EvaluationKind.MID_TERM, LocalDate.of(2021, 1, 1), LocalDate.of(2023, 12, 31),
                        "kjpg", "首都科技评估中心"),
                List.of(new EvaluationSnapshot.DepartmentPart("drc", "市发展改革委"),
                        new EvaluationSnapshot.DepartmentPart("haidian", "海淀区")),
                List.of(chapter(1, "一", true), chapter(2, "二", false), chapter(3, "三", false), chapter(4, "四", true)),
                List.of(new EvaluationSnapshot.TaskPart(t1, "二", List.of(), List.of()),
                        new EvaluationSnapshot.TaskPart(t2, "三", reports, List.of()),
                        new EvaluationSnapshot.TaskPart(t3, "三", List.of(), revisions)),
                List.of(indicator), List.of(),
                new StatusRollup(1L, SNAPSHOT_DAY, new StatusRollup.Counts(2, 0, 1, 0, 3), List.of(), List.of(), List.of()));
    }

    @Test
    void chaptersAreThePlansAllWithThoseHoldingTasksBeside() {
        assertThat(model.overview().chapters()).isEqualTo(4);
        assertThat(model.overview().chaptersWithTasks()).isEqualTo(2);
    }

    @Test
    void milestonesCountedAreThoseDueInThePeriodJudgedAtItsEnd() {
        assertThat(model.figuresAsOf()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(model.overview().milestonesInPlan()).isEqualTo(4);
        assertThat(model.overview().milestones()).isEqualTo(2);
        assertThat(model.overview().milestonesCompleted()).isEqualTo(1);
        assertThat(model.overview().milestonesOverdue()).isEqualTo(1);
    }

    @Test
    void tasksAreCompletedOrOverdueAsOfThePeriodsEnd() {
        assertThat(model.overview().tasks()).isEqualTo(3);
        assertThat(model.overview().tasksCompleted()).isEqualTo(1);
        assertThat(model.overview().tasksOverdue()).isEqualTo(1);
        assertThat(model.byChapter()).extracting(AssessmentReportModel.CompletionRow::key).containsExactly("二", "三");
        assertThat(model.byChapter().get(1).completed()).isZero();
        assertThat(model.byChapter().get(1).overdue()).isEqualTo(1);
        assertThat(model.byChapter().get(1).inProgress()).isEqualTo(1);
        assertThat(model.overdue()).extracting(AssessmentReportModel.ItemRow::reference, AssessmentReportModel.ItemRow::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("三（一）1", "任务逾期"),
                        org.assertj.core.groups.Tuple.tuple("三（一）1", "节点逾期"));
    }

    @Test
    void adjustmentsAndReturnedReportsCountOnlyInThePeriod() {
        assertThat(model.overview().adjustments()).isEqualTo(1);
        assertThat(model.adjusted()).hasSize(1);
        assertThat(model.returned()).hasSize(1);
    }

    @Test
    void indicatorsShowOnlyThePeriodsValuesAndAreAssessedOnThem() {
        AssessmentReportModel.IndicatorRow row = model.indicators().get(0);
        assertThat(row.values()).extracting(AssessmentReportModel.YearPoint::year).containsExactly(2021, 2022, 2023);
        assertThat(row.latestYear()).isEqualTo(2023);
        assertThat(row.latestValue()).isEqualByComparingTo("160");
        assertThat(row.progressPercent()).isEqualByComparingTo("60.0");
        assertThat(row.status()).isNotEqualTo("已实现");
    }

    @Test
    void theReportSaysWhatTheFiguresAre() throws IOException {
        byte[] pdf = new AssessmentReportRenderer(ReportFonts.locate(Optional.empty(), Optional.empty())).render(model).pdf();
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
        assertThat(text).contains("规划共4章，其中2章部署重点任务3项。截至评估期末（2023年12月31日），已完成1项",
                "逾期未完成1项",
                "规划共设置阶段性目标（里程碑）4个，其中评估期（2021年1月1日至2023年12月31日）内到期2个，已完成1个，逾期未完成1个。",
                "按数据快照日（2026年12月5日）的进度预警",
                "评估期（2021年1月1日至2023年12月31日）内经批准调整的任务1项");
        assertThat(text).doesNotContain("2024年为210", "规划共2章");
    }

    static MilestoneView milestone(long id, LocalDate due, LocalDate completedOn) {
        return new MilestoneView(id, (int) id, "节点" + id, due, null, BigDecimal.ONE,
                completedOn == null ? MilestoneStatus.PLANNED : MilestoneStatus.DONE, completedOn,
                completedOn == null && due.isBefore(SNAPSHOT_DAY), true, 0);
    }

    static TaskView task(long id, String reference, String lead, LocalDate due, TaskStatus status, StatusLight light,
            LocalDate completedOn, List<MilestoneView> milestones) {
        return new TaskView(id, 1L, PlanStatus.IN_FORCE, reference, null, null, null, (int) id, "任务" + id, null, lead,
                List.of(), due, status, light, BigDecimal.ZERO, milestones, null, null, completedOn, 0);
    }

    static TaskRevisionView revision(TaskView task, int revision, String at) {
        return new TaskRevisionView(task.id(), revision, "adjustment-" + revision, AdjustmentReason.RESOURCE_CHANGE, "顺延",
                "li.na", "chen.jing", "sun.lei", Instant.parse(at), task, task);
    }

    static MilestoneReportView returned(TaskView task, MilestoneView milestone, LocalDate on) {
        return new MilestoneReportView("report-" + on, milestone.id(), task.id(), ReportKind.LEAD, task.leadDepartmentCode(),
                "wang.fang", on.minusDays(3).atStartOfDay(BEIJING).toInstant(), "进展", 50, List.of(), List.of(),
                ReportStatus.REJECTED, ReportDecision.REJECTED, "chen.jing", on, "缺少佐证材料",
                on.atStartOfDay(BEIJING).toInstant());
    }

    static IndicatorView.Value value(int year, String value) {
        return new IndicatorView.Value((long) year, year, new BigDecimal(value), ValueRevision.REVISED, null, null, null);
    }

    static EvaluationSnapshot.ChapterPart chapter(int ordinal, String number, boolean context) {
        return new EvaluationSnapshot.ChapterPart((long) ordinal, ordinal, number, "第" + number + "章", context, List.of());
    }
}
