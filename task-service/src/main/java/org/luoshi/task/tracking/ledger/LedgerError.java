package org.luoshi.task.tracking.ledger;

import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found in an imported workbook.
 *
 * @param rowNumber the 1-based Excel row number the problem is on; 0 when it concerns the whole file (not an xlsx, too
 *                  large, no header found …)
 * @param column    the Chinese label of the column ({@link LedgerColumn#label()}), e.g. "完成时限"; null when the
 *                  problem is not in one column
 * @param message   what is wrong, in Chinese, for the person who uploaded the file, e.g. "无法识别的日期：2023-13-01"
 */
public record LedgerError(int rowNumber, String column, String message) implements Serializable {
    public LedgerError {
        if (rowNumber < 0) {
            throw new IllegalArgumentException("rowNumber must not be negative: " + rowNumber);
        }
        Objects.requireNonNull(message, "message");
    }

    /** A problem with the file as a whole (row 0, no column). */
    static LedgerError ofFile(String message) {
        return new LedgerError(0, null, message);
    }

    /** The problem as one line a person can read, e.g. "第5行「完成时限」：无法识别的日期：2023-13-01". */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (rowNumber > 0) {
            text.append('第').append(rowNumber).append('行');
        }
        if (column != null) {
            text.append('「').append(column).append('」');
        }
        if (!text.isEmpty()) {
            text.append('：');
        }
        return text.append(message).toString();
    }
}
