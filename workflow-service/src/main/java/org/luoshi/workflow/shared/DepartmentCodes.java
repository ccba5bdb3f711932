package org.luoshi.workflow.shared;

/** Department codes as the realm's {@code departments} claim carries them, e.g. {@code haidian}, {@code stc-zgc}. */
public final class DepartmentCodes {
    public static final String PATTERN = "[a-z][a-z0-9-]{1,39}";
    public static final String MESSAGE = "must be a department code: lower-case letters, digits and '-', 2 to 40 characters";

    private DepartmentCodes() {
    }
}
