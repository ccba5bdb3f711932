package org.luoshi.workflow.shared;

/** The one date format of request bodies, for {@code @Pattern(regexp = IsoDate.PATTERN, message = IsoDate.MESSAGE)}. */
public final class IsoDate {
    public static final String PATTERN = "\\d{4}-\\d{2}-\\d{2}";
    public static final String MESSAGE = "must be a date yyyy-MM-dd";

    private IsoDate() {
    }
}
