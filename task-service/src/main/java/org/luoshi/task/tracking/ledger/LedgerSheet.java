package org.luoshi.task.tracking.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole 台账: its title (the merged first row, e.g. the plan title + " 任务台账") and its task rows in sheet order.
 *
 * @param title stripped, null read as ""; on import, the first text above the header row ("" when there is none)
 * @param rows  unmodifiable, in ascending row order
 */
public record LedgerSheet(String title, List<LedgerRow> rows) {
    public LedgerSheet {
        title = LedgerText.clean(title);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * The same sheet with its rows numbered as an export lays them out without gaps: {@link LedgerWorkbook#FIRST_DATA_ROW},
     * then one more for each row. Handy for a caller that builds rows from tasks and does not care where they go.
     */
    public LedgerSheet renumbered() {
        List<LedgerRow> numbered = new ArrayList<>(rows.size());
        int next = LedgerWorkbook.FIRST_DATA_ROW;
        for (LedgerRow row : rows) {
            numbered.add(row.withRowNumber(next++));
        }
        return new LedgerSheet(title, numbered);
    }
}
