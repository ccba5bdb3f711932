package org.luoshi.task.tracking.ledger;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An imported workbook cannot be taken as a 台账: it is not an xlsx, breaks a limit, lacks a required column, or has
 * rows that cannot be read. {@link #errors()} lists every problem found (ordered by row, then column), not only the
 * first; no partial result ever accompanies it.
 */
public class LedgerFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** How many problems {@link #getMessage()} spells out; {@link #errors()} always has them all. */
    private static final int ERRORS_IN_MESSAGE = 20;

    private final List<LedgerError> errors;

    public LedgerFormatException(List<LedgerError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** One problem with the file as a whole (row 0). */
    static LedgerFormatException ofFile(String message) {
        return new LedgerFormatException(List.of(LedgerError.ofFile(message)));
    }

    /** Every problem found, at least one. */
    public List<LedgerError> errors() {
        return errors;
    }

    private static String summary(List<LedgerError> errors) {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("a LedgerFormatException needs at least one error");
        }
        String listed = errors.stream().limit(ERRORS_IN_MESSAGE).map(LedgerError::describe)
                .collect(Collectors.joining("；"));
        String more = errors.size() > ERRORS_IN_MESSAGE ? "；等" : "";
        return "台账有" + errors.size() + "处问题：" + listed + more;
    }
}
