package org.luoshi.task.disclosure.domain;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * A published status snapshot. {@link #content} is the JSON text exactly as published and {@link #sha256} its hash:
 * the row never changes (the database refuses UPDATE and DELETE), so what the public saw once it sees again.
 * The id is taken before the content is written, so the content names it.
 */
@Entity
@Immutable
@Table(name = "disclosure_snapshot")
public class DisclosureSnapshot {
    @Id
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    /** The plan's title as published, so the public list needs nothing but published rows. */
    @Column(name = "plan_title", nullable = false)
    public String planTitle;

    @Column(name = "as_of", nullable = false)
    public LocalDate asOf;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    /** Who published it (or "system" for the schedule): kept for the record, never shown to the public. */
    @Column(name = "published_by", nullable = false)
    public String publishedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    public DisclosureTrigger trigger;

    /** For a scheduled snapshot, the period it was published for ("2026-11", "2026-Q4"). */
    @Column(name = "period_key")
    public String periodKey;

    @Column(name = "evaluation_id")
    public Long evaluationId;

    @Column(nullable = false)
    public String content;

    @Column(nullable = false)
    public String sha256;
}
