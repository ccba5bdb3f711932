package org.luoshi.task.audit.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A row of the append-only audit log, for reading. Rows are written only by {@code AuditLog} (with SQL, under the
 * chain's lock) and never changed: the table refuses UPDATE, DELETE and TRUNCATE (migration V4).
 */
@Entity
@Immutable
@Table(name = "audit_entry")
public class AuditEntry {
    @Id
    public Long seq;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_roles", nullable = false)
    public String actorRoles;

    @Column(nullable = false)
    public String action;

    @Column(name = "entity_type", nullable = false)
    public String entityType;

    @Column(name = "entity_id")
    public String entityId;

    /** jsonb, read as PostgreSQL prints it. */
    @Column(name = "before_state")
    public String beforeState;

    @Column(name = "after_state")
    public String afterState;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;
}
