package org.luoshi.task.evaluation.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.luoshi.task.evaluation.report.AssessmentReportModel.AdjustedRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.CompletionRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.EvaluationKind;
import org.luoshi.task.evaluation.report.AssessmentReportModel.IndicatorRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.ItemRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.Overview;
import org.luoshi.task.evaluation.report.AssessmentReportModel.ScoreRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.SelfAssessmentRow;
import org.luoshi.task.evaluation.report.AssessmentReportModel.YearPoint;

/** Report models for the renderer's tests, shaped like the Beijing plan's mid-term evaluation. */
final class ReportModels {
    static final String PLAN = "北京市“十四五”时期国际科技创新中心建设规划";
    static final String RD_INTENSITY = "研究与试验发展（R&D）经费投入强度";
    static final String SHA = "9f2c4e1d7a6b5c3e8f0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6a";
    static final LocalDate AS_OF = LocalDate.of(2023, 6, 30);
    static final String LONG_FINDING = "部分重点任务推进节奏与规划安排存在差距，" + "其中涉及跨部门协同的任务尤为突出，".repeat(12)
            + "需要在下一阶段强化统筹调度。";

    private ReportModels() {
    }

    /** The full model: 10 indicators, 11 chapters, 45 departments, every section filled. */
    static AssessmentReportModel full() {
        List<IndicatorRow> indicators = new ArrayList<>();
        indicators.add(indicator(RD_INTENSITY, "%", "预期性", "6.0", "6.0", "6.53", true, "ABOUT", "已实现", null));
        indicators.add(indicator("基础研究经费占研究与试验发展经费比重", "%", "预期性", "16.0", "17.0", "16.6", false, "ABOUT",
                "进度正常", "18.0"));
        indicators.add(indicator("每万人口高价值发明专利拥有量", "件", "预期性", "64", "82", "112", false, "AT_LEAST", "已实现",
                null));
        indicators.add(indicator("技术合同成交额", "亿元", "预期性", "6316", "8000", "7947.5", true, "AT_LEAST", "进度正常",
                null));
        indicators.add(indicator("数字经济增加值占地区生产总值比重", "%", "预期性", "38", "45", "41.6", false, "AT_LEAST",
                "进度正常", null));
        indicators.add(indicator("国家高新技术企业数量", "万家", "预期性", "2.9", "3.5", "2.83", false, "AT_LEAST", "进度滞后",
                null));
        indicators.add(indicator("独角兽企业数量", "家", "预期性", "93", "100", "102", false, "MORE_THAN", "已实现", null));
        indicators.add(indicator("全社会劳动生产率", "万元/人", "预期性", "28.2", "34", "31.5", true, "AT_LEAST", "进度正常",
                null));
        indicators.add(indicator("万元地区生产总值能耗下降", "%", "约束性", "0.2", "0.18", "0.21", false, "AT_MOST",
                "难以完成", null));
        indicators.add(new IndicatorRow("国际科技合作项目数", "项", "预期性", null, null, 2025, new BigDecimal("500"), null,
                "AT_LEAST", null, null, false, null, null, null, "暂无数据", List.of(), List.of()));

        String[] chapterNames = {"强化战略科技力量", "打造世界领先科技园区和创新高地", "加强关键核心技术攻关", "推动高精尖产业发展",
            "培育壮大创新主体", "建设高水平人才高地", "深化科技体制改革", "营造一流创新生态", "推进京津冀协同创新",
            "扩大科技开放合作", "强化规划实施保障"};
        List<CompletionRow> chapters = new ArrayList<>();
        for (int i = 0; i < chapterNames.length; i++) {
            int tasks = 12 + i * 3;
            int completed = tasks * (3 + i % 4) / 8;
            chapters.add(new CompletionRow(Integer.toString(i + 1), chapterNames[i], tasks, completed,
                    tasks - completed - 1, 1, tasks - 3, 2, 1));
        }
        List<CompletionRow> departments = new ArrayList<>();
        List<SelfAssessmentRow> selfAssessments = new ArrayList<>();
        for (int i = 1; i <= 45; i++) {
            String code = "dept" + i;
            String name = i == 1 ? "中关村科技园区管理委员会" : i == 2 ? "市发展和改革委员会" : "市直部门" + i;
            departments.add(new CompletionRow(code, name, 5 + i % 7, 2 + i % 4, 2, i % 3 == 0 ? 1 : 0, 4, 1, 0));
            boolean submitted = i % 9 != 0;
            selfAssessments.add(new SelfAssessmentRow(code, name, submitted, submitted ? LOCAL(2023, 7, 10 + i % 10) : null,
                    submitted ? name + "牵头的重点任务总体按计划推进。" : null,
                    submitted ? "完成了年度重点工作。" : null, submitted ? "个别任务进度滞后。" : null,
                    submitted ? "加快推进滞后任务。" : null));
        }
        List<ItemRow> overdue = List.of(
                new ItemRow("3.2.1", "建设国家实验室配套设施", "市发展和改革委员会", LocalDate.of(2023, 3, 31), "红灯", "土地手续办理延迟"),
                new ItemRow("5.1.4-M2", "阶段性目标：完成试点企业遴选", "中关村科技园区管理委员会", LocalDate.of(2023, 5, 31), "黄灯",
                        null));
        List<ItemRow> returned = List.of(new ItemRow("6.3.2", "出台高层次人才服务保障措施", "市人力资源和社会保障局",
                LocalDate.of(2023, 4, 30), "已退回", "佐证材料不足，请补充政策文件"));
        List<AdjustedRow> adjusted = List.of(new AdjustedRow("4.1.3", "建设集成电路产业创新平台", "客观条件变化",
                "受外部环境影响，设备采购周期延长", LocalDate.of(2023, 6, 30), LocalDate.of(2024, 6, 30), "市经济和信息化局",
                "市经济和信息化局", "建成并投入运行", "完成主体建设"));
        List<ScoreRow> scores = List.of(
                new ScoreRow("CHAPTER", "第一章 强化战略科技力量", "任务完成度", new BigDecimal("18.5"), new BigDecimal("20"),
                        new BigDecimal("0.2"), "重点任务总体按期推进"),
                new ScoreRow("INDICATOR", RD_INTENSITY, "目标实现度", new BigDecimal("9"), new BigDecimal("10"),
                        new BigDecimal("0.1"), null));
        Overview overview = new Overview(11, 9, 275, 120, 11, 640, 392, 302, 23, 230, 30, 15, 4, 45, 40);
        return new AssessmentReportModel(PLAN, EvaluationKind.MID_TERM, LocalDate.of(2021, 1, 1), AS_OF, "首都科技评估中心",
                AS_OF, SHA, overview, indicators, chapters, departments, overdue, returned, adjusted, selfAssessments,
                scores, new BigDecimal("86.5"), "良好", LONG_FINDING + "\n二是部分指标数据报送不及时。",
                "一是加强统筹调度。\n二是完善指标监测。");
    }

    /** Nothing but the header facts: no indicators, no tasks, no self-assessments, no scores or findings. */
    static AssessmentReportModel empty() {
        return new AssessmentReportModel(PLAN, EvaluationKind.FINAL, LocalDate.of(2021, 1, 1), AS_OF, "创新战略研究院", AS_OF,
                SHA, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null,
                null, null, null);
    }

    private static LocalDate LOCAL(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    private static IndicatorRow indicator(String name, String unit, String kind, String baseline, String target,
            String latest, boolean preliminary, String comparison, String status, String originalTarget) {
        BigDecimal base = new BigDecimal(baseline);
        BigDecimal goal = new BigDecimal(target);
        BigDecimal last = new BigDecimal(latest);
        List<YearPoint> values = new ArrayList<>();
        values.add(new YearPoint(2020, base));
        values.add(new YearPoint(2021, base.add(last).divide(BigDecimal.valueOf(2))));
        values.add(new YearPoint(2022, last));
        List<YearPoint> path = new ArrayList<>();
        for (int year = 2020; year <= 2025; year++) {
            path.add(new YearPoint(year, base.add(goal.subtract(base).multiply(BigDecimal.valueOf(year - 2020))
                    .divide(BigDecimal.valueOf(5)))));
        }
        BigDecimal progress = goal.compareTo(base) == 0 ? new BigDecimal("100.0")
                : last.subtract(base).multiply(BigDecimal.valueOf(100)).divide(goal.subtract(base), 1,
                        java.math.RoundingMode.HALF_UP);
        BigDecimal pace = goal.subtract(last).divide(BigDecimal.valueOf(3), 4, java.math.RoundingMode.HALF_UP);
        BigDecimal projection = last.add(last.subtract(base).divide(BigDecimal.valueOf(2), 4,
                java.math.RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(3)));
        return new IndicatorRow(name, unit, kind, 2020, base, 2025, goal,
                originalTarget == null ? null : new BigDecimal(originalTarget), comparison, 2022, last, preliminary,
                progress, pace, projection, status, values, path);
    }
}
