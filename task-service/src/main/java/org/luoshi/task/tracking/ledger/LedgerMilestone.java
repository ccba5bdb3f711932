package org.luoshi.task.tracking.ledger;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One 节点 of a task, one line of the 节点 cell: written as {@code 2023-06-30 完成试验线建设}, or
 * {@code ✓ 2023-06-30 完成试验线建设} when done. See {@link LedgerWorkbook} for the forms read back.
 *
 * @param dueDate the date the step is due; never null (a 节点 line without a date is refused on import)
 * @param title   what is to be done, on one line, in the form the 节点 cell gives it back: stripped, every line
 *                break or run of white space turned into one space, no punctuation (：，、- …) at its start, no done
 *                mark (（已完成）, ✓) at its end; null read as ""
 * @param done    whether the step is marked done (✓); also true when the title given ended in a done mark
 */
public record LedgerMilestone(LocalDate dueDate, String title, boolean done) {
    public LedgerMilestone {
        Objects.requireNonNull(dueDate, "dueDate");
        String line = LedgerText.oneLine(title);
        done = done || !MilestoneLines.withoutDoneMarks(line).equals(line);
        title = MilestoneLines.titleAsReadBack(line);
    }
}
