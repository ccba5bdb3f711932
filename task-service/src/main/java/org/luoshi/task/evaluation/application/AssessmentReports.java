package org.luoshi.task.evaluation.application;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.luoshi.task.evaluation.api.EvaluationSnapshot;
import org.luoshi.task.evaluation.domain.Evaluation;
import org.luoshi.task.evaluation.domain.EvaluationScore;
import org.luoshi.task.evaluation.domain.EvaluationSelfAssessment;
import org.luoshi.task.evaluation.domain.Rubric;
import org.luoshi.task.evaluation.domain.RubricPolicy;
import org.luoshi.task.evaluation.domain.SelfAssessmentStatus;
import org.luoshi.task.evaluation.domain.SubjectKind;
import org.luoshi.task.evaluation.report.AssessmentReportModel;
import org.luoshi.task.indicator.api.IndicatorView;
import org.luoshi.task.indicator.domain.AssessmentSettings;
import org.luoshi.task.indicator.domain.Baseline;
import org.luoshi.task.indicator.domain.IndicatorAssessment;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.IndicatorOutlook;
import org.luoshi.task.indicator.domain.IndicatorPolicy;
import org.luoshi.task.indicator.domain.Target;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.indicator.domain.ValueRevision;
import org.luoshi.task.indicator.domain.YearValue;
import org.luoshi.task.tracking.api.MilestoneReportView;
import org.luoshi.task.tracking.api.MilestoneView;
import org.luoshi.task.tracking.api.TaskRevisionView;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.domain.AdjustmentReason;
import org.luoshi.task.tracking.domain.ReportStatus;
import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.TaskStatus;

/**
 * Maps an evaluation into what its report shows. Only the frozen snapshot and the evaluation's own data (rubric,
 * self-assessments, scores, findings) go in — never the live tables — so regenerating gives the same report for as
 * long as those do not change.
 *
 * <p>Every figure is the evaluation period's ({@link Period}): counted on the period's last day (or the snapshot's day
 * if the period had not ended at launch), never on the day the report is made.
 * <ul>
 * <li>Chapters: all the plan's chapters, and how many of them hold tasks.</li>
 * <li>Milestones: those due in the period; done = completed by the figures' day; overdue = not done by then though due
 * before it. The plan's total is stated beside them.</li>
 * <li>Tasks: completed by the figures' day; overdue = not completed by then though due before it (任务逾期).</li>
 * <li>Returned: milestone reports returned (退回) on a day in the period, with the comment.</li>
 * <li>Adjusted: revisions after revision 0 recorded in the period, original next to adjusted.</li>
 * <li>Completion rows: in progress = neither completed nor overdue on the figures' day.</li>
 * <li>Lights (红黄绿): the snapshot day's, and said so — a light is a state of that day.</li>
 * <li>Indicators: values of years up to the figures' day's year; the assessment made again from them by
 * {@link IndicatorPolicy}, its outlook as printed (MET 已实现, ON_TRACK 进度正常, AT_RISK 进度滞后, UNLIKELY
 * 难以完成, NO_DATA 暂无数据, MISSED 未实现); the required path is the straight line from baseline to target, one point
 * per year.</li>
 * </ul>
 */
final class AssessmentReports {
    private AssessmentReports() {
    }

    static AssessmentReportModel model(Evaluation evaluation, EvaluationSnapshot snapshot, Rubric rubric,
            List<EvaluationSelfAssessment> selfAssessments, List<EvaluationScore> scores, Function<Instant, LocalDate> dayOf) {
        Map<String, String> departmentNames = new LinkedHashMap<>();
        snapshot.departments().forEach(d -> departmentNames.put(d.code(), d.nameZh()));
        List<EvaluationSnapshot.TaskPart> tasks = snapshot.tasks();
        Period period = new Period(evaluation.periodFrom, evaluation.periodTo, snapshot.asOf(), dayOf);

        int milestonesInPlan = 0;
        int milestones = 0;
        int milestonesDone = 0;
        int milestonesOverdue = 0;
        int adjustments = 0;
        for (EvaluationSnapshot.TaskPart part : tasks) {
            for (MilestoneView m : part.task().milestones()) {
                milestonesInPlan++;
                if (period.contains(m.dueDate())) {
                    milestones++;
                    milestonesDone += period.done(m) ? 1 : 0;
                    milestonesOverdue += period.overdue(m) ? 1 : 0;
                }
            }
            adjustments += (int) part.revisions().stream().filter(period::adjustedIn).count();
        }
        int submitted = (int) selfAssessments.stream().filter(s -> s.status == SelfAssessmentStatus.SUBMITTED).count();
        int chaptersWithTasks = (int) snapshot.chapters().stream()
                .filter(c -> tasks.stream().anyMatch(t -> c.number().equals(t.chapterNumber()))).count();
        AssessmentReportModel.Overview overview = new AssessmentReportModel.Overview(snapshot.chapters().size(),
                chaptersWithTasks, tasks.size(), (int) tasks.stream().filter(t -> period.done(t.task())).count(),
                (int) tasks.stream().filter(t -> period.overdue(t.task())).count(), milestonesInPlan, milestones,
                milestonesDone, milestonesOverdue, (int) snapshot.rollup().overall().green(),
                (int) snapshot.rollup().overall().yellow(), (int) snapshot.rollup().overall().red(), adjustments,
                snapshot.departments().size(), submitted);

        List<Rubric.Criterion> order = rubric.criteria();
        RubricPolicy.Result result = RubricPolicy.total(rubric, scores.stream()
                .map(s -> new RubricPolicy.Scored(s.subjectKind, s.subjectRef, s.criterion, s.score)).toList());

        return new AssessmentReportModel(snapshot.plan().title(),
                evaluation.kind == org.luoshi.task.evaluation.domain.EvaluationKind.MID_TERM ? AssessmentReportModel.EvaluationKind.MID_TERM
                        : AssessmentReportModel.EvaluationKind.FINAL,
                evaluation.periodFrom, evaluation.periodTo, snapshot.scope().organisationName(), snapshot.asOf(),
                evaluation.snapshotSha256, overview,
                snapshot.indicators().stream()
                        .map(i -> indicatorRow(i, originals(snapshot).get(i.id()), period.figuresAsOf().getYear())).toList(),
                byChapter(snapshot, period), byDepartment(snapshot, departmentNames, period),
                overdue(snapshot, departmentNames, period), returned(snapshot, departmentNames, period),
                adjusted(snapshot, departmentNames, period),
                selfAssessmentRows(snapshot, selfAssessments), scoreRows(snapshot, order, scores), result.total(),
                result.grade(), evaluation.findings, evaluation.recommendations);
    }

    /**
     * The evaluation's period and the day its figures are counted on: the period's last day, or the snapshot's day
     * when the evaluation was launched before the period ended. What happened after that day does not count.
     */
    record Period(LocalDate from, LocalDate to, LocalDate snapshotDay, Function<Instant, LocalDate> dayOf) {
        LocalDate figuresAsOf() {
            return snapshotDay.isBefore(to) ? snapshotDay : to;
        }

        boolean contains(LocalDate day) {
            return day != null && !day.isBefore(from) && !day.isAfter(to);
        }

        boolean done(MilestoneView m) {
            return m.completedOn() != null && !m.completedOn().isAfter(figuresAsOf());
        }

        boolean overdue(MilestoneView m) {
            return !done(m) && m.dueDate().isBefore(figuresAsOf());
        }

        boolean done(TaskView t) {
            return t.status() == TaskStatus.COMPLETED && t.completedOn() != null && !t.completedOn().isAfter(figuresAsOf());
        }

        boolean overdue(TaskView t) {
            return !done(t) && t.dueDate() != null && t.dueDate().isBefore(figuresAsOf());
        }

        boolean adjustedIn(TaskRevisionView r) {
            return r.revision() > 0 && r.recordedAt() != null && contains(dayOf.apply(r.recordedAt()));
        }
    }

    // ------------------------------------------------------------------------------------------- indicators

    private static Map<Long, EvaluationSnapshot.OriginalTarget> originals(EvaluationSnapshot snapshot) {
        return snapshot.originalTargets() == null ? Map.of()
                : snapshot.originalTargets().stream().collect(Collectors.toMap(EvaluationSnapshot.OriginalTarget::indicatorId,
                        o -> o));
    }

    /**
     * The indicator as it stood in {@code lastYear} (the year of the figures' day): values reported for later years are
     * left out, and the assessment (progress, pace, projection, outlook) is made again from the rest, by the same
     * {@link IndicatorPolicy} as the live API.
     */
    static AssessmentReportModel.IndicatorRow indicatorRow(IndicatorView i, EvaluationSnapshot.OriginalTarget original,
            int lastYear) {
        List<YearValue> known = i.values().stream().filter(v -> v.year() <= lastYear)
                .map(v -> new YearValue(v.year(), v.value(), v.revision())).toList();
        Baseline baseline = i.baselineYear() == null || i.baselineValue() == null ? null
                : new Baseline(i.baselineYear(), i.baselineValue());
        IndicatorAssessment a = IndicatorPolicy.assess(i.direction(), baseline,
                new Target(i.targetYear(), i.targetValue(), i.comparison()), known, lastYear, AssessmentSettings.DEFAULTS);
        List<AssessmentReportModel.YearPoint> values = IndicatorPolicy.valuesByYear(known).values().stream()
                .map(v -> new AssessmentReportModel.YearPoint(v.year(), v.value())).toList();
        BigDecimal progress = a.progressToTarget() == null ? null
                : a.progressToTarget().multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
        return new AssessmentReportModel.IndicatorRow(i.name(), i.unit(), kindText(i.kind()), i.baselineYear(),
                i.baselineValue(), i.targetYear(), i.targetValue(), original == null ? null : original.targetValue(),
                comparisonText(i.comparison()), a.latestYear(), a.latestValue(),
                a.latestRevision() == ValueRevision.PRELIMINARY, progress,
                a.requiredPace() == null ? null : a.requiredPace().neededPerYear(),
                a.projection() == null ? null : a.projection().value(), statusText(a.outlook()), values,
                requiredPath(i));
    }

    /** The straight line from baseline to target, one point per year; none without a baseline. */
    static List<AssessmentReportModel.YearPoint> requiredPath(IndicatorView i) {
        if (i.baselineYear() == null || i.baselineValue() == null || i.baselineYear() >= i.targetYear()) {
            return List.of();
        }
        int years = i.targetYear() - i.baselineYear();
        BigDecimal step = i.targetValue().subtract(i.baselineValue());
        List<AssessmentReportModel.YearPoint> path = new ArrayList<>();
        for (int y = i.baselineYear(); y <= i.targetYear(); y++) {
            BigDecimal value = i.baselineValue().add(step.multiply(BigDecimal.valueOf(y - i.baselineYear()))
                    .divide(BigDecimal.valueOf(years), IndicatorPolicy.MATH)).setScale(IndicatorPolicy.SCALE, RoundingMode.HALF_UP);
            path.add(new AssessmentReportModel.YearPoint(y, value));
        }
        return path;
    }

    static String statusText(IndicatorOutlook outlook) {
        return switch (outlook) {
            case MET -> "已实现";
            case ON_TRACK -> "进度正常";
            case AT_RISK -> "进度滞后";
            case UNLIKELY -> "难以完成";
            case NO_DATA -> "暂无数据";
            case MISSED -> "未实现";
        };
    }

    static String kindText(IndicatorKind kind) {
        return kind == IndicatorKind.BINDING ? "约束性" : "预期性";
    }

    static String comparisonText(TargetComparison comparison) {
        return switch (comparison) {
            case ABOUT -> "左右";
            case AT_LEAST -> "不低于";
            case MORE_THAN -> "超过";
            case AT_MOST -> "不超过";
        };
    }

    // ------------------------------------------------------------------------------------------- completion

    private static List<AssessmentReportModel.CompletionRow> byChapter(EvaluationSnapshot snapshot, Period period) {
        Map<String, List<TaskView>> byNumber = snapshot.tasks().stream().filter(t -> t.chapterNumber() != null)
                .collect(Collectors.groupingBy(EvaluationSnapshot.TaskPart::chapterNumber,
                        Collectors.mapping(EvaluationSnapshot.TaskPart::task, Collectors.toList())));
        List<AssessmentReportModel.CompletionRow> rows = new ArrayList<>();
        for (EvaluationSnapshot.ChapterPart c : snapshot.chapters()) {
            List<TaskView> of = byNumber.get(c.number());
            if (!c.context() || of != null) {
                rows.add(completion(c.number(), c.title(), of == null ? List.of() : of, period));
            }
        }
        List<TaskView> outside = snapshot.tasks().stream().filter(t -> t.chapterNumber() == null)
                .map(EvaluationSnapshot.TaskPart::task).toList();
        if (!outside.isEmpty()) {
            rows.add(completion("—", "规划文本外任务", outside, period));
        }
        return rows;
    }

    private static List<AssessmentReportModel.CompletionRow> byDepartment(EvaluationSnapshot snapshot,
            Map<String, String> names, Period period) {
        Map<String, List<TaskView>> byLead = new java.util.TreeMap<>();
        snapshot.tasks().forEach(t -> byLead.computeIfAbsent(Objects.requireNonNullElse(t.task().leadDepartmentCode(), ""),
                k -> new ArrayList<>()).add(t.task()));
        return byLead.entrySet().stream()
                .map(e -> completion(e.getKey().isEmpty() ? "—" : e.getKey(),
                        e.getKey().isEmpty() ? "未交办" : names.getOrDefault(e.getKey(), e.getKey()), e.getValue(), period))
                .toList();
    }

    private static AssessmentReportModel.CompletionRow completion(String key, String name, List<TaskView> tasks,
            Period period) {
        int completed = (int) tasks.stream().filter(period::done).count();
        int overdue = (int) tasks.stream().filter(period::overdue).count();
        int red = (int) tasks.stream().filter(t -> t.light() == StatusLight.RED).count();
        int yellow = (int) tasks.stream().filter(t -> t.light() == StatusLight.YELLOW).count();
        int green = (int) tasks.stream().filter(t -> t.light() == StatusLight.GREEN).count();
        return new AssessmentReportModel.CompletionRow(key, name, tasks.size(), completed, tasks.size() - completed - overdue,
                overdue, green, yellow, red);
    }

    // ------------------------------------------------------------------------------------------- items

    private static List<AssessmentReportModel.ItemRow> overdue(EvaluationSnapshot snapshot, Map<String, String> names,
            Period period) {
        List<AssessmentReportModel.ItemRow> rows = new ArrayList<>();
        for (EvaluationSnapshot.TaskPart part : snapshot.tasks()) {
            TaskView t = part.task();
            String lead = name(names, t.leadDepartmentCode());
            if (period.overdue(t)) {
                rows.add(new AssessmentReportModel.ItemRow(t.reference(), t.title(), lead, t.dueDate(), "任务逾期", null));
            }
            for (MilestoneView m : t.milestones()) {
                if (period.overdue(m)) {
                    rows.add(new AssessmentReportModel.ItemRow(t.reference(), m.title(), lead, m.dueDate(), "节点逾期",
                            "所属任务：" + t.title()));
                }
            }
        }
        return rows;
    }

    private static List<AssessmentReportModel.ItemRow> returned(EvaluationSnapshot snapshot, Map<String, String> names,
            Period period) {
        List<AssessmentReportModel.ItemRow> rows = new ArrayList<>();
        for (EvaluationSnapshot.TaskPart part : snapshot.tasks()) {
            TaskView t = part.task();
            for (MilestoneReportView r : part.reports()) {
                if (r.status() == ReportStatus.REJECTED && period.contains(r.decidedOn())) {
                    MilestoneView m = t.milestones().stream().filter(x -> x.id().equals(r.milestoneId())).findFirst()
                            .orElse(null);
                    rows.add(new AssessmentReportModel.ItemRow(t.reference(), m == null ? t.title() : m.title(),
                            name(names, r.departmentCode()), m == null ? t.dueDate() : m.dueDate(), "退回", r.comment()));
                }
            }
        }
        return rows;
    }

    private static List<AssessmentReportModel.AdjustedRow> adjusted(EvaluationSnapshot snapshot, Map<String, String> names,
            Period period) {
        List<AssessmentReportModel.AdjustedRow> rows = new ArrayList<>();
        for (EvaluationSnapshot.TaskPart part : snapshot.tasks()) {
            for (TaskRevisionView r : part.revisions()) {
                if (!period.adjustedIn(r) || r.before() == null || r.after() == null) {
                    continue;
                }
                rows.add(new AssessmentReportModel.AdjustedRow(part.task().reference(), r.after().title(),
                        reasonText(r.reasonCategory()), r.justification(), r.before().dueDate(), r.after().dueDate(),
                        name(names, r.before().leadDepartmentCode()), name(names, r.after().leadDepartmentCode()), null, null));
            }
        }
        Map<Long, EvaluationSnapshot.OriginalTarget> originals = originals(snapshot);
        for (IndicatorView i : snapshot.indicators()) {
            EvaluationSnapshot.OriginalTarget o = originals.get(i.id());
            if (o != null) {
                rows.add(new AssessmentReportModel.AdjustedRow("指标" + i.ordinal(), i.name(), "指标目标调整", null, null, null, null,
                        null, targetText(o.targetYear(), o.comparison(), o.targetValue(), i.unit()),
                        targetText(i.targetYear(), i.comparison(), i.targetValue(), i.unit())));
            }
        }
        return rows;
    }

    /** "2025年不低于200亿元". */
    static String targetText(int year, TargetComparison comparison, BigDecimal value, String unit) {
        String number = value.stripTrailingZeros().toPlainString();
        String amount = number + (unit == null ? "" : unit);
        return year + "年" + (comparison == TargetComparison.ABOUT ? amount + "左右" : comparisonText(comparison) + amount);
    }

    static String reasonText(AdjustmentReason reason) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case FORCE_MAJEURE -> "不可抗力";
            case POLICY_CHANGE -> "政策调整";
            case RESOURCE_CHANGE -> "资源条件变化";
            case SCOPE_CHANGE -> "任务范围调整";
            case OTHER -> "其他";
        };
    }

    // ------------------------------------------------------------------------------------------- the evaluation's own

    private static List<AssessmentReportModel.SelfAssessmentRow> selfAssessmentRows(EvaluationSnapshot snapshot,
            List<EvaluationSelfAssessment> selfAssessments) {
        Map<String, EvaluationSelfAssessment> byCode = selfAssessments.stream()
                .collect(Collectors.toMap(s -> s.departmentCode, s -> s));
        return snapshot.departments().stream().map(d -> {
            EvaluationSelfAssessment s = byCode.get(d.code());
            boolean in = s != null && s.status == SelfAssessmentStatus.SUBMITTED;
            return new AssessmentReportModel.SelfAssessmentRow(d.code(), d.nameZh(), in, in ? s.submittedOn : null,
                    in ? s.summary : null, in ? s.achievements : null, in ? s.problems : null, in ? s.nextSteps : null);
        }).toList();
    }

    private static List<AssessmentReportModel.ScoreRow> scoreRows(EvaluationSnapshot snapshot, List<Rubric.Criterion> criteria,
            List<EvaluationScore> scores) {
        Map<String, Integer> chapterOrder = new LinkedHashMap<>();
        Map<String, String> chapterNames = new LinkedHashMap<>();
        snapshot.chapters().forEach(c -> {
            chapterOrder.put(c.number(), c.ordinal());
            chapterNames.put(c.number(), c.number() + "、" + c.title());
        });
        Map<String, Integer> indicatorOrder = new LinkedHashMap<>();
        Map<String, String> indicatorNames = new LinkedHashMap<>();
        snapshot.indicators().forEach(i -> {
            indicatorOrder.put(String.valueOf(i.id()), i.ordinal());
            indicatorNames.put(String.valueOf(i.id()), i.name());
        });
        Comparator<EvaluationScore> order = Comparator.comparing((EvaluationScore s) -> s.subjectKind)
                .thenComparingInt(s -> (s.subjectKind == SubjectKind.CHAPTER ? chapterOrder : indicatorOrder)
                        .getOrDefault(s.subjectRef, Integer.MAX_VALUE))
                .thenComparing(s -> s.subjectRef)
                .thenComparingInt(s -> indexOf(criteria, s))
                .thenComparing(s -> s.criterion);
        return scores.stream().sorted(order).map(s -> {
            Rubric.Criterion c = criteria.stream().filter(x -> x.subjectKind() == s.subjectKind && x.code().equals(s.criterion))
                    .findFirst().orElse(null);
            String subject = (s.subjectKind == SubjectKind.CHAPTER ? chapterNames : indicatorNames).getOrDefault(s.subjectRef,
                    s.subjectRef);
            return new AssessmentReportModel.ScoreRow(s.subjectKind.label(), subject, c == null ? s.criterion : c.name(),
                    s.score, c == null ? null : c.maxScore(), c == null ? null : c.weight(), s.comment);
        }).toList();
    }

    private static int indexOf(List<Rubric.Criterion> criteria, EvaluationScore s) {
        for (int i = 0; i < criteria.size(); i++) {
            if (criteria.get(i).subjectKind() == s.subjectKind && criteria.get(i).code().equals(s.criterion)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private static String name(Map<String, String> names, String code) {
        return code == null ? null : names.getOrDefault(code, code);
    }
}
