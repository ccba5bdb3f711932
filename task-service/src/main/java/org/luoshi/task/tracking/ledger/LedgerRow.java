package org.luoshi.task.tracking.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * One task line of a 台账.
 *
 * <p>The constructor puts every value in the one form the workbook can carry back unchanged, so that
 * {@code read(write(sheet))} equals {@code sheet}: text is stripped with line ends as \n and null read as ""; the
 * co-departments are split on 、，,;； and line breaks, trimmed, empties dropped; lists are unmodifiable copies.
 *
 * @param rowNumber      the 1-based Excel row number it came from or goes to (data rows start at
 *                       {@link LedgerWorkbook#FIRST_DATA_ROW} on export)
 * @param reference      序号 as written, e.g. "三（一）2" or "1"
 * @param task           任务, the task text; may span lines
 * @param leadDepartment 牵头单位: a department name or code as written
 * @param coDepartments  配合单位, one entry per department
 * @param dueDate        完成时限; null when there is none (or it reads 长期/持续推进/常态化)
 * @param milestones     节点, in the order written
 * @param progress       进展, free text
 * @param status         状态, e.g. "绿灯 · 已接收": written on export, read back as text
 */
public record LedgerRow(int rowNumber, String reference, String task, String leadDepartment,
        List<String> coDepartments, LocalDate dueDate, List<LedgerMilestone> milestones, String progress,
        String status) {
    public LedgerRow {
        if (rowNumber < 0) {
            throw new IllegalArgumentException("rowNumber must not be negative: " + rowNumber);
        }
        reference = LedgerText.clean(reference);
        task = LedgerText.clean(task);
        leadDepartment = LedgerText.clean(leadDepartment);
        coDepartments = LedgerText.departments(coDepartments);
        milestones = milestones == null ? List.of() : List.copyOf(milestones);
        progress = LedgerText.clean(progress);
        status = LedgerText.clean(status);
    }

    /** The same row placed at another Excel row. */
    public LedgerRow withRowNumber(int newRowNumber) {
        return new LedgerRow(newRowNumber, reference, task, leadDepartment, coDepartments, dueDate, milestones,
                progress, status);
    }
}
