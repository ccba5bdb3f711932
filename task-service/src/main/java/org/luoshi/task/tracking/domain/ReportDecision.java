package org.luoshi.task.tracking.domain;

/** The supervising office's decision on a report. */
public enum ReportDecision {
    APPROVED, REJECTED;

    public ReportStatus status() {
        return this == APPROVED ? ReportStatus.APPROVED : ReportStatus.REJECTED;
    }
}
