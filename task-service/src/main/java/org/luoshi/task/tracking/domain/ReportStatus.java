package org.luoshi.task.tracking.domain;

public enum ReportStatus {
    SUBMITTED, APPROVED, REJECTED
}
