package org.luoshi.task.evaluation.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The latest rendering of an evaluation's report in one format, with the digests of the file and of its snapshot. */
@Entity
@Table(name = "evaluation_report")
@IdClass(EvaluationReport.Key.class)
public class EvaluationReport {
    @Id
    @Column(name = "evaluation_id")
    public Long evaluationId;

    @Id
    @Enumerated(EnumType.STRING)
    public ReportFormat format;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "snapshot_sha256", nullable = false)
    public String snapshotSha256;

    /** The evaluation's inputs revision the report was made from. */
    @Column(name = "inputs_revision", nullable = false)
    public int inputsRevision;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;

    @Column(name = "generated_by", nullable = false)
    public String generatedBy;

    public static class Key implements Serializable {
        public Long evaluationId;
        public ReportFormat format;

        public Key() {
        }

        public Key(Long evaluationId, ReportFormat format) {
            this.evaluationId = evaluationId;
            this.format = format;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(evaluationId, k.evaluationId) && format == k.format;
        }

        @Override
        public int hashCode() {
            return Objects.hash(evaluationId, format);
        }
    }
}
