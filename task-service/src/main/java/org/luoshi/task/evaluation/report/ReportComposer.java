package org.luoshi.task.evaluation.report;

import static org.luoshi.task.evaluation.report.ReportText.NONE;
import static org.luoshi.task.evaluation.report.ReportText.chineseNumber;
import static org.luoshi.task.evaluation.report.ReportText.computed;
import static org.luoshi.task.evaluation.report.ReportText.date;
import static org.luoshi.task.evaluation.report.ReportText.number;
import static org.luoshi.task.evaluation.report.ReportText.percent;
import static org.luoshi.task.evaluation.report.ReportText.share;
import static org.luoshi.task.evaluation.report.ReportText.signed;
import static org.luoshi.task.evaluation.report.ReportText.text;
import static org.luoshi.task.evaluation.report.ReportText.year;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.luoshi.task.evaluation.report.AssessmentReportModel.AdjustedRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.CompletionRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.EvaluationKind;
import org.luoshi.task.evaluation.report.AssessmentReportModel.IndicatorRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.ItemRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.Overview;
import org.luoshi.task.evaluation.report.AssessmentReportModel.ScoreRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.SelfAssessmentRow;
import org.luoshi.task.evaluation.report.ReportDocument.Block;
import org.luoshi.task.evaluation.report.ReportDocument.Chart;
import org.luoshi.task.evaluation.report.ReportDocument.Heading;
import org.luoshi.task.evaluation.report.ReportDocument.Paragraph;
import org.luoshi.task.evaluation.report.ReportDocument.Table;

/**
 * Writes the report's content from the model: the chapters of a mid-term evaluation report (一、总体进展 … 八、下一步建议),
 * each with its tables and charts, numbered 一、 （一） 1. as in government documents.
 */
final class ReportComposer {
    static final List<String> INDICATOR_HEADER = List.of("序号", "指标", "单位", "属性", "基期值", "目标值", "最新值",
            "进度", "所需年均增量", "预计", "状态");
    static final List<String> COMPLETION_HEADER = List.of("序号", "%s", "任务数", "已完成", "进行中", "逾期", "完成率",
            "绿灯", "黄灯", "红灯");
    private static final String[] STATUSES = {"已实现", "进度正常", "进度滞后", "难以完成", "暂无数据"};

    private final ReportCharts charts;
    private final List<Block> blocks = new ArrayList<>();
    private int tableNumber;
    private int figureNumber;

    ReportComposer(ReportCharts charts) {
        this.charts = charts;
    }

    static String title(AssessmentReportModel model) {
        String plan = text(model.planTitle());
        if (!plan.startsWith("《")) {
            plan = "《" + plan + "》";
        }
        return plan + (model.kind() == EvaluationKind.FINAL ? "实施总结评估报告" : "实施中期评估报告");
    }

    ReportDocument compose(AssessmentReportModel model) {
        overview(model);
        indicators(model);
        tasks(model);
        exceptions(model);
        selfAssessments(model);
        scores(model);
        prose("七、主要问题", model.findings(), "评估机构未提出主要问题。");
        prose("八、下一步建议", model.recommendations(), "评估机构未提出下一步建议。");
        List<String> subtitle = List.of(
                "评估机构：" + text(model.organisationName()),
                "评估期：" + date(model.periodFrom()) + "至" + date(model.periodTo()),
                "数据截至：" + date(model.asOf()),
                date(model.asOf()));
        String provenance = "本报告依据" + date(model.asOf()) + "冻结的规划实施数据快照生成，快照 SHA-256："
                + text(model.snapshotSha256()) + "。报告中的数据均取自该快照及评估机构的评分与意见。";
        return new ReportDocument(title(model), subtitle, List.copyOf(blocks), provenance);
    }

    private void overview(AssessmentReportModel model) {
        heading(1, "一、总体进展");
        Overview o = model.overview();
        String period = "评估期（" + date(model.periodFrom()) + "至" + date(model.periodTo()) + "）";
        if (o == null) {
            paragraph(period + "内的总体进展数据暂缺。");
            return;
        }
        String asOf = "截至" + (model.figuresAsOf().equals(model.periodTo()) ? "评估期末（" + date(model.periodTo()) + "）"
                : date(model.figuresAsOf()));
        String chapters = o.chaptersWithTasks() == o.chapters() ? "规划共" + o.chapters() + "章"
                : "规划共" + o.chapters() + "章，其中" + o.chaptersWithTasks() + "章";
        paragraph(chapters + "部署重点任务" + o.tasks() + "项。" + asOf + "，已完成" + o.tasksCompleted() + "项，占"
                + share(o.tasksCompleted(), o.tasks()) + "；逾期未完成" + o.tasksOverdue() + "项，占"
                + share(o.tasksOverdue(), o.tasks()) + "。");
        paragraph(o.milestones() == 0
                ? "规划共设置阶段性目标（里程碑）" + o.milestonesInPlan() + "个，" + period + "内没有到期的阶段性目标。"
                : "规划共设置阶段性目标（里程碑）" + o.milestonesInPlan() + "个，其中" + period + "内到期" + o.milestones()
                        + "个，已完成" + o.milestonesCompleted() + "个，逾期未完成" + o.milestonesOverdue() + "个。");
        paragraph("按数据快照日（" + date(model.asOf()) + "）的进度预警，绿灯任务" + o.green() + "项、黄灯任务" + o.yellow()
                + "项、红灯任务" + o.red() + "项。" + period + "内经批准调整的任务" + o.adjustments() + "项。纳入评估范围的责任部门"
                + o.departmentsInScope() + "个，已提交自评报告" + o.selfAssessmentsSubmitted() + "份，未提交"
                + Math.max(0, o.departmentsInScope() - o.selfAssessmentsSubmitted()) + "份。");
        List<IndicatorRow> indicators = list(model.indicators());
        if (!indicators.isEmpty()) {
            Map<String, Integer> byStatus = new LinkedHashMap<>();
            for (String s : STATUSES) {
                byStatus.put(s, 0);
            }
            for (IndicatorRow row : indicators) {
                byStatus.merge(text(row.status()), 1, Integer::sum);
            }
            StringBuilder sb = new StringBuilder("规划设置主要指标" + indicators.size() + "项，其中");
            List<String> parts = new ArrayList<>();
            byStatus.forEach((status, count) -> {
                if (count > 0) {
                    parts.add((status.equals(NONE) ? "状态未知" : status) + count + "项");
                }
            });
            sb.append(String.join("、", parts)).append("。");
            paragraph(sb.toString());
        }
        table("总体进展情况", List.of("项目", "总数", "已完成", "逾期", "完成率"), List.of(
                List.of("重点任务（项）", str(o.tasks()), str(o.tasksCompleted()), str(o.tasksOverdue()),
                        share(o.tasksCompleted(), o.tasks())),
                List.of("评估期内到期的阶段性目标（个）", str(o.milestones()), str(o.milestonesCompleted()), str(o.milestonesOverdue()),
                        share(o.milestonesCompleted(), o.milestones())),
                List.of("自评报告（份）", str(o.departmentsInScope()), str(o.selfAssessmentsSubmitted()), NONE,
                        share(o.selfAssessmentsSubmitted(), o.departmentsInScope()))),
                new int[] {4, 2, 2, 2, 2}, false);
    }

    private void indicators(AssessmentReportModel model) {
        heading(1, "二、主要指标完成情况");
        List<IndicatorRow> indicators = list(model.indicators());
        if (indicators.isEmpty()) {
            paragraph("本规划未设置量化指标，或评估快照中没有指标数据。");
            return;
        }
        paragraph("规划设置主要指标" + indicators.size() + "项。下表列出各指标的基期值、目标值（经调整的并列原目标值）、最新值及其年份，"
                + "按基期至目标的直线路径计算进度，并给出实现目标尚需的年均增量和按现有趋势推算的目标年预计值。");
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (IndicatorRow row : indicators) {
            rows.add(List.of(str(++i), text(row.name()), text(row.unit()), text(row.kind()), baseline(row), target(row),
                    latest(row), percent(row.progressPercent()), signed(row.requiredPace()),
                    row.projection() == null ? NONE : computed(row.projection()) + "\n（" + row.targetYear() + "年）",
                    text(row.status())));
        }
        table("主要指标完成情况", INDICATOR_HEADER, rows, new int[] {3, 11, 5, 5, 8, 10, 10, 6, 6, 8, 6}, true);
        paragraph("注：“—”表示暂无数据或无法计算；最新值标注“初步数”的为统计部门尚未修订的初步统计数据；进度为最新值相对基期值至目标值的完成比例。");
        int n = 0;
        for (IndicatorRow row : indicators) {
            heading(2, "（" + chineseNumber(++n) + "）" + text(row.name()));
            paragraph(indicatorSentence(row));
            chart(text(row.name()) + "走势与规划进度路径", charts.indicator(row), ReportCharts.INDICATOR_WIDTH,
                    ReportCharts.INDICATOR_HEIGHT);
        }
    }

    private String indicatorSentence(IndicatorRow row) {
        String unit = row.unit() == null || row.unit().isBlank() ? "" : row.unit().strip();
        StringBuilder sb = new StringBuilder();
        sb.append(text(row.name())).append("为").append(text(row.kind())).append("指标");
        if (row.baseline() != null) {
            sb.append("，基期（").append(year(row.baselineYear())).append("）值为").append(number(row.baseline())).append(unit);
        }
        sb.append("，规划目标为").append(year(row.targetYear())).append(targetText(row.target(), row.comparison(), unit));
        if (changed(row)) {
            sb.append("（原目标为").append(targetText(row.originalTarget(), row.comparison(), unit)).append("，经批准调整）");
        }
        if (row.latestValue() != null) {
            sb.append("。").append(year(row.latestYear())).append("为").append(number(row.latestValue())).append(unit)
                    .append(row.preliminary() ? "（初步数）" : "（修订数）");
        } else {
            sb.append("。评估期内尚无报送数据");
        }
        if (row.progressPercent() != null) {
            sb.append("，完成进度").append(percent(row.progressPercent()));
        }
        if (row.requiredPace() != null) {
            sb.append("，实现目标尚需年均").append(row.requiredPace().signum() < 0 ? "减少" : "增加")
                    .append(computed(row.requiredPace().abs())).append(unit);
        }
        if (row.projection() != null) {
            sb.append("，按现有趋势预计").append(year(row.targetYear())).append("达到").append(computed(row.projection()))
                    .append(unit);
        }
        sb.append("。评估判断：").append(text(row.status())).append("。");
        return sb.toString();
    }

    private static String baseline(IndicatorRow row) {
        return row.baseline() == null ? NONE : number(row.baseline()) + "\n（" + year(row.baselineYear()) + "）";
    }

    private static String target(IndicatorRow row) {
        String adjusted = targetText(row.target(), row.comparison(), "") + "\n（" + row.targetYear() + "年）";
        if (changed(row)) {
            return "调整后：" + adjusted + "\n原目标：" + targetText(row.originalTarget(), row.comparison(), "");
        }
        return adjusted;
    }

    private static boolean changed(IndicatorRow row) {
        return row.originalTarget() != null
                && (row.target() == null || row.originalTarget().compareTo(row.target()) != 0);
    }

    private static String latest(IndicatorRow row) {
        if (row.latestValue() == null) {
            return NONE;
        }
        return number(row.latestValue()) + "\n（" + year(row.latestYear()) + "，" + (row.preliminary() ? "初步数" : "修订数")
                + "）";
    }

    /**
     * The target as the plan phrases it, with its unit: "6%左右", "≥4.5万家", "＞90", "≤0.3"; the comparison may be
     * given as the name of {@code TargetComparison} or in Chinese.
     */
    static String targetText(BigDecimal target, String comparison, String unit) {
        if (target == null) {
            return NONE;
        }
        String v = number(target) + unit;
        if (comparison == null) {
            return v;
        }
        return switch (comparison.strip()) {
            case "ABOUT", "左右" -> v + "左右";
            case "AT_LEAST", "不低于", "达到", "≥" -> "≥" + v;
            case "MORE_THAN", "超过", ">", "＞" -> "＞" + v;
            case "AT_MOST", "不超过", "≤" -> "≤" + v;
            default -> v;
        };
    }

    private void tasks(AssessmentReportModel model) {
        heading(1, "三、重点任务完成情况");
        List<CompletionRow> chapters = list(model.byChapter());
        List<CompletionRow> departments = list(model.byDepartment());
        heading(2, "（一）分章节完成情况");
        if (chapters.isEmpty()) {
            paragraph("评估快照中没有分章节的任务数据。");
        } else {
            CompletionRow best = chapters.stream().filter(c -> c.tasks() > 0)
                    .max((a, b) -> a.completionPercent().compareTo(b.completionPercent())).orElse(null);
            CompletionRow worst = chapters.stream().filter(c -> c.tasks() > 0)
                    .min((a, b) -> a.completionPercent().compareTo(b.completionPercent())).orElse(null);
            if (best != null && worst != null) {
                paragraph("各章中，完成率最高的是" + ReportCharts.chapterLabel(best) + "（" + best.completionPercent() + "%），最低的是"
                        + ReportCharts.chapterLabel(worst) + "（" + worst.completionPercent() + "%）。");
            }
            table("分章节重点任务完成情况", header("章节"), completionRows(chapters, true),
                    new int[] {3, 16, 4, 4, 4, 4, 5, 3, 3, 3}, true);
            chart("各章重点任务完成情况", charts.chapters(chapters), ReportCharts.CHAPTER_WIDTH,
                    ReportCharts.chapterHeight(chapters.size()));
        }
        heading(2, "（二）分部门完成情况");
        if (departments.isEmpty()) {
            paragraph("评估快照中没有分部门的任务数据。");
        } else {
            paragraph("各责任部门牵头任务的完成情况如下（按部门列示，任务数按牵头部门统计）。");
            table("分部门重点任务完成情况", header("责任部门"), completionRows(departments, false),
                    new int[] {3, 16, 4, 4, 4, 4, 5, 3, 3, 3}, true);
        }
    }

    private static List<String> header(String subject) {
        List<String> h = new ArrayList<>(COMPLETION_HEADER);
        h.set(1, subject);
        return h;
    }

    private static List<List<String>> completionRows(List<CompletionRow> rows, boolean chapters) {
        List<List<String>> out = new ArrayList<>();
        int i = 0;
        for (CompletionRow r : rows) {
            out.add(List.of(str(++i), chapters ? ReportCharts.chapterLabel(r, Integer.MAX_VALUE) : text(r.name()),
                    str(r.tasks()), str(r.completed()), str(r.inProgress()), str(r.overdue()), r.completionPercent() + "%",
                    str(r.green()), str(r.yellow()), str(r.red())));
        }
        return out;
    }

    private void exceptions(AssessmentReportModel model) {
        heading(1, "四、逾期、退回和调整事项");
        List<ItemRow> overdue = list(model.overdue());
        List<ItemRow> returned = list(model.returned());
        List<AdjustedRow> adjusted = list(model.adjusted());
        heading(2, "（一）逾期事项");
        if (overdue.isEmpty()) {
            paragraph("截至" + date(model.figuresAsOf()) + "，无逾期未完成的任务或阶段性目标。");
        } else {
            paragraph("截至" + date(model.figuresAsOf()) + "，逾期未完成的任务和阶段性目标共" + overdue.size() + "项。");
            table("逾期事项", List.of("序号", "编号", "事项", "责任部门", "完成时限", "状态", "说明"), itemRows(overdue),
                    new int[] {3, 5, 18, 8, 7, 5, 10}, true);
        }
        heading(2, "（二）退回事项");
        if (returned.isEmpty()) {
            paragraph("评估期内无被退回的完成报告。");
        } else {
            paragraph("评估期内完成报告被退回、需补充整改的事项共" + returned.size() + "项。");
            table("退回事项", List.of("序号", "编号", "事项", "责任部门", "完成时限", "状态", "退回意见"), itemRows(returned),
                    new int[] {3, 5, 18, 8, 7, 5, 10}, true);
        }
        heading(2, "（三）调整事项");
        if (adjusted.isEmpty()) {
            paragraph("评估期内无经批准调整的任务。");
        } else {
            paragraph("评估期内经批准调整的任务共" + adjusted.size() + "项，调整前后的内容并列如下。");
            List<List<String>> rows = new ArrayList<>();
            int i = 0;
            for (AdjustedRow a : adjusted) {
                rows.add(List.of(str(++i), text(a.reference()), text(a.title()),
                        text(a.reasonCategory()) + "\n" + text(a.reason()),
                        pair(date(a.originalDue()), date(a.adjustedDue()), a.originalDue() != null || a.adjustedDue() != null),
                        pair(text(a.originalLead()), text(a.adjustedLead()), a.originalLead() != null || a.adjustedLead() != null),
                        pair(text(a.originalTarget()), text(a.adjustedTarget()),
                                a.originalTarget() != null || a.adjustedTarget() != null)));
            }
            table("调整事项（原内容与调整后内容）", List.of("序号", "编号", "任务", "调整原因", "完成时限", "牵头部门", "目标"), rows,
                    new int[] {3, 5, 14, 12, 9, 9, 10}, true);
        }
    }

    private static String pair(String original, String adjusted, boolean any) {
        if (!any) {
            return NONE;
        }
        if (original.equals(adjusted)) {
            return adjusted + "\n（未调整）";
        }
        return "原：" + original + "\n调整后：" + adjusted;
    }

    private static List<List<String>> itemRows(List<ItemRow> items) {
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (ItemRow item : items) {
            rows.add(List.of(str(++i), text(item.reference()), text(item.title()), text(item.department()),
                    date(item.dueDate()), text(item.status()), text(item.note())));
        }
        return rows;
    }

    private void selfAssessments(AssessmentReportModel model) {
        heading(1, "五、部门自评情况");
        List<SelfAssessmentRow> all = list(model.selfAssessments());
        if (all.isEmpty()) {
            paragraph("本次评估没有要求提交自评报告的部门。");
            return;
        }
        List<SelfAssessmentRow> submitted = all.stream().filter(SelfAssessmentRow::submitted).toList();
        List<SelfAssessmentRow> missing = all.stream().filter(s -> !s.submitted()).toList();
        paragraph("纳入评估范围的" + all.size() + "个责任部门中，" + submitted.size() + "个部门提交了自评报告，" + missing.size()
                + "个部门未提交。" + (missing.isEmpty() ? "" : "未提交的部门：" + String.join("、",
                        missing.stream().map(s -> text(s.departmentName())).toList()) + "。"));
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (SelfAssessmentRow s : all) {
            rows.add(List.of(str(++i), text(s.departmentName()), s.submitted() ? "已提交\n" + date(s.submittedOn()) : "未提交",
                    s.submitted() ? text(s.summary()) : NONE));
        }
        table("部门自评报告提交情况", List.of("序号", "部门", "提交情况", "自评概要"), rows, new int[] {3, 10, 7, 30}, true);
        int n = 0;
        for (SelfAssessmentRow s : submitted) {
            heading(2, "（" + chineseNumber(++n) + "）" + text(s.departmentName()));
            paragraph("1. 总体情况：" + text(s.summary()));
            paragraph("2. 主要成效：" + text(s.achievements()));
            paragraph("3. 存在问题：" + text(s.problems()));
            paragraph("4. 下一步工作：" + text(s.nextSteps()));
        }
    }

    private void scores(AssessmentReportModel model) {
        heading(1, "六、评估评分");
        List<ScoreRow> scores = list(model.scores());
        if (scores.isEmpty()) {
            paragraph("评估机构尚未评分。");
        } else {
            paragraph("评估机构按评估指标体系对各章节和主要指标逐项评分，结果如下。");
            List<List<String>> rows = new ArrayList<>();
            int i = 0;
            for (ScoreRow s : scores) {
                rows.add(List.of(str(++i), subjectKind(s.subjectKind()) + "\n" + text(s.subjectName()), text(s.criterionName()),
                        number(s.score()), number(s.maxScore()), number(s.weight()), text(s.comment())));
            }
            table("评估评分", List.of("序号", "评估对象", "评估要点", "得分", "满分", "权重", "评分说明"), rows,
                    new int[] {3, 12, 10, 4, 4, 4, 16}, true);
        }
        paragraph("综合得分：" + (model.totalScore() == null ? NONE : computed(model.totalScore()) + "分") + "；评估等级："
                + text(model.grade()) + "。");
    }

    private static String subjectKind(String kind) {
        if (kind == null) {
            return NONE;
        }
        return switch (kind) {
            case "CHAPTER" -> "章节";
            case "INDICATOR" -> "指标";
            default -> kind;
        };
    }

    /** A free text of the evaluator: each line becomes a paragraph; lines keep their own numbering. */
    private void prose(String heading, String body, String none) {
        heading(1, heading);
        if (body == null || body.isBlank()) {
            paragraph(none);
            return;
        }
        for (String line : body.strip().split("\\R+")) {
            if (!line.isBlank()) {
                paragraph(line.strip());
            }
        }
    }

    private void heading(int level, String text) {
        blocks.add(new Heading(level, text));
    }

    private void paragraph(String text) {
        blocks.add(new Paragraph(text));
    }

    private void table(String caption, List<String> header, List<List<String>> rows, int[] widths, boolean small) {
        blocks.add(new Table("表" + (++tableNumber) + " " + caption, header, rows, widths, small));
    }

    private void chart(String caption, byte[] png, int width, int height) {
        blocks.add(new Chart("图" + (++figureNumber) + " " + caption, png, width, height));
    }

    private static String str(int n) {
        return Integer.toString(n);
    }

    private static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
