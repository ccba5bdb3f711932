package org.luoshi.task.tracking.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The eight columns of a 台账, in the order {@link LedgerWorkbook#write} lays them out. The Chinese {@link #label()} is
 * what the header row says and what a {@link LedgerError} names.
 *
 * <p>When reading, a header cell matches a column when, after removing all white space, a leading or trailing
 * {@code *} and any trailing bracketed note ("完成时限（年月日）"), it equals the label or one of the few synonyms
 * officials use for it (责任单位 for 牵头单位, 完成时间 for 完成时限, 时间节点 for 节点 …).
 */
public enum LedgerColumn {
    REFERENCE("序号", true),
    TASK("任务", true, "重点任务", "任务内容", "工作任务", "主要任务", "任务名称"),
    LEAD_DEPARTMENT("牵头单位", true, "责任单位", "牵头部门", "责任部门", "主责单位"),
    CO_DEPARTMENTS("配合单位", true, "配合部门", "参与单位", "协同单位", "协办单位"),
    DUE_DATE("完成时限", true, "完成时间", "时限", "时限要求", "完成期限"),
    MILESTONES("节点", true, "时间节点", "关键节点", "阶段节点", "节点安排", "进度安排"),
    PROGRESS("进展", false, "进展情况", "工作进展", "推进情况", "完成情况", "落实情况"),
    STATUS("状态", false, "任务状态");

    /** White space of every kind, including the ideographic space, no-break and zero-width spaces. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u3000\\u200B\\uFEFF]+");
    /** A bracketed note at the end ("（单位）", "(年月日)", "【必填】") or a required-marker / colon at either end. */
    private static final Pattern TRAILING_NOTE = Pattern.compile("[（(【\\[<《][^（(【\\[）)】\\]>》]*[）)】\\]>》]$");
    private static final Pattern MARKS = Pattern.compile("^[*＊※:：]+|[*＊※:：]+$");
    private static final Map<String, LedgerColumn> BY_HEADER = new HashMap<>();
    /** A longer header cell is no label (and is not worth the regular expressions). */
    private static final int MAX_LABEL_CHARS = 64;

    static {
        for (LedgerColumn column : values()) {
            BY_HEADER.put(column.label, column);
            for (String synonym : column.synonyms) {
                BY_HEADER.put(synonym, column);
            }
        }
    }

    private final String label;
    private final boolean required;
    private final List<String> synonyms;

    LedgerColumn(String label, boolean required, String... synonyms) {
        this.label = label;
        this.required = required;
        this.synonyms = List.of(synonyms);
    }

    /** The header text written on export and named in errors, e.g. "完成时限". */
    public String label() {
        return label;
    }

    /** Whether a workbook without this column is refused on import (进展 and 状态 are optional). */
    public boolean required() {
        return required;
    }

    /** Other header texts accepted for this column on import. */
    List<String> synonyms() {
        return synonyms;
    }

    /** The column a header cell names, or null: "完成时限（年月日）", " 牵 头 单 位 ", "*任务" all match. */
    static LedgerColumn forHeader(String cell) {
        if (cell == null || cell.length() > MAX_LABEL_CHARS) {
            return null;
        }
        String key = SPACES.matcher(cell).replaceAll("");
        for (String previous = null; !key.equals(previous);) {
            previous = key;
            key = MARKS.matcher(TRAILING_NOTE.matcher(key).replaceAll("")).replaceAll("");
        }
        return BY_HEADER.get(key);
    }
}
