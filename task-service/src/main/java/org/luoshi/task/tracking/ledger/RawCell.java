package org.luoshi.task.tracking.ledger;

import java.time.LocalDate;

/**
 * One cell as the sheet stores it, before it is read as a column's value.
 *
 * @param kind      what the cell holds
 * @param text      what a person sees: the text; a number as Excel shows it; a date as yyyy-MM-dd; TRUE/FALSE; the
 *                  error code (#N/A …). Cut at {@link LedgerWorkbook#MAX_CELL_CHARS} + 1 characters when
 *                  {@code overLimit}
 * @param number    the numeric value of a NUMBER cell
 * @param date      the day of a date-formatted number or a date cell, else null
 * @param overLimit whether the text is longer than {@link LedgerWorkbook#MAX_CELL_CHARS}
 */
record RawCell(Kind kind, String text, double number, LocalDate date, boolean overLimit) {
    enum Kind {
        TEXT, NUMBER, BOOLEAN, ERROR
    }

    static RawCell text(String text, boolean truncated) {
        boolean over = truncated || text.length() > LedgerWorkbook.MAX_CELL_CHARS;
        String kept = text.length() > LedgerWorkbook.MAX_CELL_CHARS + 1
                ? text.substring(0, LedgerWorkbook.MAX_CELL_CHARS + 1) : text;
        return new RawCell(Kind.TEXT, kept, 0, null, over);
    }

    static RawCell number(double number, String shown, LocalDate date) {
        return new RawCell(Kind.NUMBER, shown, number, date, false);
    }

    static RawCell bool(boolean value) {
        return new RawCell(Kind.BOOLEAN, value ? "TRUE" : "FALSE", 0, null, false);
    }

    static RawCell error(String code) {
        return new RawCell(Kind.ERROR, code, 0, null, false);
    }

    /** Whether there is nothing to see. */
    boolean isBlank() {
        return text.isBlank();
    }
}
