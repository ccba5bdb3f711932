package org.luoshi.task.evaluation.api;

import java.time.Instant;

import org.luoshi.task.evaluation.domain.ReportFormat;

/**
 * A generated report file.
 *
 * @param current whether it was generated after the last change of scores, findings or self-assessments
 */
public record EvaluationReportView(Long evaluationId, ReportFormat format, String fileName, String mediaType, long size,
        String sha256, String snapshotSha256, boolean current, Instant generatedAt, String generatedBy) {
}
