package org.luoshi.task.evaluation.application;

import java.time.LocalDate;
import java.util.List;

/**
 * Fired (synchronously, inside the publishing transaction) when an approved evaluation is published. Disclosure
 * observes it: the report files become public documents and a status snapshot is published with them, so the
 * evaluation's publication and the public record succeed or fail together.
 *
 * @param title the report's title as the public sees it, e.g. "…中期评估报告"
 * @param asOf  the date of the evaluation's frozen snapshot
 */
public record EvaluationPublished(long planId, long evaluationId, String title, LocalDate asOf, String publishedBy,
        List<ReportFile> files) {

    /** One rendered report file, exactly the bytes whose SHA-256 the evaluation recorded. */
    public record ReportFile(String filename, String mediaType, byte[] content, String sha256) {
    }
}
