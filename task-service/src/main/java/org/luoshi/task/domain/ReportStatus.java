package org.luoshi.task.domain;

public enum ReportStatus {
    SUBMITTED, APPROVED, REJECTED
}
