package org.luoshi.task.shared.api;

public final class DepartmentCodes {
    public static final String PATTERN = "[a-z][a-z0-9-]{1,39}";
    public static final String MESSAGE = "must be a department code such as 'haidian'";

    private DepartmentCodes() {
    }
}
