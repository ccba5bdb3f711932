package org.luoshi.task.tracking.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.luoshi.task.tracking.domain.MilestoneReport;
import org.luoshi.task.tracking.domain.ReportDecision;
import org.luoshi.task.tracking.domain.ReportKind;
import org.luoshi.task.tracking.domain.ReportStatus;

public record MilestoneReportView(String reportKey, Long milestoneId, Long taskId, ReportKind kind, String departmentCode,
        String submittedBy, Instant submittedAt, String text, int percent, List<Long> evidenceIds, List<String> consolidates,
        ReportStatus status, ReportDecision decision, String decidedBy, LocalDate decidedOn, String comment, Instant decidedAt) {
    public static MilestoneReportView of(MilestoneReport r) {
        return new MilestoneReportView(r.reportKey, r.milestoneId, r.taskId, r.kind, r.departmentCode, r.submittedBy,
                r.submittedAt, r.text, r.percent, List.copyOf(r.evidenceIds), List.copyOf(r.consolidates), r.status,
                r.decision(), r.decidedBy, r.decidedOn, r.decisionComment, r.decidedAt);
    }
}
