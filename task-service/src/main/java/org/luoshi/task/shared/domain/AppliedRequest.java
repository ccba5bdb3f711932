package org.luoshi.task.shared.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Remembers that a change sent with an Idempotency-Key was applied, so a retry does not apply it twice. */
@Entity
@Table(name = "applied_request")
public class AppliedRequest {
    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(nullable = false)
    public String operation;

    @Column(name = "target_id", nullable = false)
    public Long targetId;

    @Column(name = "applied_at", nullable = false)
    public Instant appliedAt;
}
