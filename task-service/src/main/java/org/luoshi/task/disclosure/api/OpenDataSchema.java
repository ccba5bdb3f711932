package org.luoshi.task.disclosure.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The open-data tables and every field of them, in Chinese and English: the one description the CSV headers, the
 * JSON rows and the published snapshot content are checked against (OpenDataSchemaTest). A row of a table is the
 * matching list of {@link DisclosureContent} with {@link #COMMON} in front.
 */
public record OpenDataSchema(int schemaVersion, String encodingZh, String encodingEn, List<Table> tables) {

    public enum Type {
        /** whole number */
        integer,
        /** decimal number, written without exponent ("8000", "6.44") */
        decimal,
        string,
        /** ISO 8601 day, "2026-11-26" */
        date,
        /** true or false */
        bool;

        /** As written in the schema document: the JSON type names, "boolean" for {@link #bool}. */
        @com.fasterxml.jackson.annotation.JsonValue
        public String jsonName() {
            return this == bool ? "boolean" : name();
        }
    }

    public record Field(String name, Type type, boolean nullable, String descriptionZh, String descriptionEn) {
    }

    public record Table(String name, String titleZh, String titleEn, String csvPath, String jsonPath, List<Field> fields) {
        public List<String> fieldNames() {
            return fields.stream().map(Field::name).toList();
        }
    }

    private static Field f(String name, Type type, boolean nullable, String zh, String en) {
        return new Field(name, type, nullable, zh, en);
    }

    /** In front of every row, so rows of several snapshots can be put together. */
    public static final List<Field> COMMON = List.of(
            f("snapshotId", Type.integer, false, "公布快照编号", "Id of the published snapshot"),
            f("planId", Type.integer, false, "规划编号", "Id of the plan"),
            f("asOf", Type.date, false, "数据截止日期（北京时间）", "Day the figures are as of (Beijing time)"));

    private static final List<Field> PROGRESS = List.of(
            f("tasks", Type.integer, false, "任务数", "Number of tasks"),
            f("completed", Type.integer, false, "已完成任务数", "Tasks completed"),
            f("completionPercent", Type.decimal, false, "任务完成率（%，一位小数）", "Share of tasks completed (percent, one decimal)"),
            f("green", Type.integer, false, "绿灯任务数：无逾期且30日内无到期节点，或已完成",
                    "Green tasks: completed, or nothing overdue and nothing due within 30 days"),
            f("yellow", Type.integer, false, "黄灯任务数：30日内有节点或任务到期", "Yellow tasks: a milestone or the task falls due within 30 days"),
            f("red", Type.integer, false, "红灯任务数：有节点或任务已逾期", "Red tasks: a milestone or the task is overdue"),
            f("none", Type.integer, false, "未设完成时限及节点的任务数", "Tasks with neither a due date nor milestones"),
            f("milestones", Type.integer, false, "节点数", "Number of milestones"),
            f("milestonesDone", Type.integer, false, "已完成节点数", "Milestones done"));

    public static final Table CHAPTERS = new Table("chapters", "分章节实施进展", "Progress by chapter",
            "chapters.csv", "chapters.json", concat(COMMON, List.of(
                    f("chapterNumber", Type.string, true, "章序号（如“三”）；空表示规划文本之外增列的任务",
                            "Chapter number as in the plan (e.g. 三); empty for tasks added outside the plan's text"),
                    f("chapterTitle", Type.string, false, "章标题", "Chapter title")), PROGRESS));

    public static final Table DEPARTMENTS = new Table("departments", "分牵头单位实施进展", "Progress by lead department",
            "departments.csv", "departments.json", concat(COMMON, List.of(
                    f("departmentCode", Type.string, true, "牵头单位代码；空表示尚未交办", "Lead department code; empty for tasks not yet assigned"),
                    f("departmentName", Type.string, false, "牵头单位名称", "Lead department name")), PROGRESS));

    public static final Table INDICATORS = new Table("indicators", "主要指标完成情况", "Indicators",
            "indicators.csv", "indicators.json", concat(COMMON, List.of(
                    f("ordinal", Type.integer, false, "指标序号", "Position of the indicator in the plan"),
                    f("name", Type.string, false, "指标名称", "Indicator name"),
                    f("unit", Type.string, true, "计量单位", "Unit"),
                    f("kind", Type.string, false, "指标属性：预期性 或 约束性", "Kind: 预期性 (expected) or 约束性 (binding)"),
                    f("baselineYear", Type.integer, true, "基期年份", "Baseline year"),
                    f("baselineValue", Type.decimal, true, "基期值", "Baseline value"),
                    f("originalTargetYear", Type.integer, false, "规划原定目标年份", "Target year as the plan first set it"),
                    f("originalTargetValue", Type.decimal, false, "规划原定目标值", "Target value as the plan first set it"),
                    f("originalComparison", Type.string, false, "原定目标的表述：左右、不低于、超过、不超过",
                            "How the original target is phrased: 左右 about, 不低于 at least, 超过 more than, 不超过 at most"),
                    f("targetAdjusted", Type.bool, false, "目标是否经调整", "Whether the target was adjusted"),
                    f("adjustedTargetYear", Type.integer, true, "调整后目标年份；未调整为空", "Adjusted target year; empty when not adjusted"),
                    f("adjustedTargetValue", Type.decimal, true, "调整后目标值；未调整为空", "Adjusted target value; empty when not adjusted"),
                    f("adjustedComparison", Type.string, true, "调整后目标的表述；未调整为空", "How the adjusted target is phrased; empty when not adjusted"),
                    f("responsibleDepartmentCode", Type.string, true, "责任单位代码", "Code of the responsible department"),
                    f("responsibleDepartmentName", Type.string, true, "责任单位名称", "Name of the responsible department"),
                    f("latestYear", Type.integer, true, "最新数据年份", "Year of the latest value"),
                    f("latestValue", Type.decimal, true, "最新值（同一年有修订数时取修订数）", "Latest value (the revised one where a year has both)"),
                    f("latestRevision", Type.string, true, "最新值口径：初步数 或 修订数", "Whether the latest value is 初步数 (preliminary) or 修订数 (revised)"),
                    f("progressPercent", Type.decimal, true, "从基期值到目标值已完成的进度（%，一位小数，可超过100）",
                            "Share of the way from baseline to the target in force (percent, one decimal, may exceed 100)"),
                    f("status", Type.string, false, "评估结论代码：MET、MISSED、ON_TRACK、AT_RISK、UNLIKELY、NO_DATA",
                            "Outlook code: MET, MISSED, ON_TRACK, AT_RISK, UNLIKELY, NO_DATA"),
                    f("statusLabel", Type.string, false, "评估结论：已实现、未实现、进度正常、进度滞后、难以完成、暂无数据",
                            "Outlook in Chinese: met, missed, on track, behind, unlikely to be met, no data yet"))));

    public static final OpenDataSchema CURRENT = new OpenDataSchema(DisclosureContent.SCHEMA_VERSION,
            "CSV 文件为 UTF-8 编码（带 BOM），逗号分隔，首行为字段名；空单元格表示无数据。以 = + - @ 开头的文本前加单引号，防止电子表格将其作为公式执行。",
            "CSV files are UTF-8 with a byte order mark, comma-separated, field names in the first row; an empty cell means no data. Text starting with = + - @ gets a leading apostrophe so that spreadsheets do not run it as a formula.",
            List.of(CHAPTERS, DEPARTMENTS, INDICATORS));

    public static Optional<Table> table(String name) {
        return CURRENT.tables().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    @SafeVarargs
    private static List<Field> concat(List<Field>... parts) {
        List<Field> all = new ArrayList<>();
        for (List<Field> part : parts) {
            all.addAll(part);
        }
        return List.copyOf(all);
    }
}
