package org.luoshi.task.tracking.api;

import java.time.Instant;

import org.luoshi.task.tracking.domain.EvidenceFile;

/** An evidence file's description; the content is downloaded separately. */
public record EvidenceView(Long id, Long milestoneId, String fileName, String contentType, long size, String sha256,
        String uploadedBy, Instant uploadedAt) {
    public static EvidenceView of(EvidenceFile f) {
        return new EvidenceView(f.id, f.milestoneId, f.fileName, f.contentType, f.size, f.sha256, f.uploadedBy, f.uploadedAt);
    }
}
