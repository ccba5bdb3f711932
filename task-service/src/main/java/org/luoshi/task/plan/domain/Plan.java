package org.luoshi.task.plan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A multi-year plan (规划) whose implementation is tracked. */
@Entity
@Table(name = "plan")
public class Plan {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String title;

    /** 发文机关, in the order the document names them. */
    @ElementCollection
    @CollectionTable(name = "plan_issuing_body", joinColumns = @JoinColumn(name = "plan_id"))
    @OrderColumn(name = "ordinal")
    @Column(name = "name", nullable = false)
    public List<String> issuingBodies = new ArrayList<>();

    @Column(name = "period_start", nullable = false)
    public int periodStart;

    @Column(name = "period_end", nullable = false)
    public int periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    /** SHA-256 of the document this plan was imported from; the same document again finds this plan. */
    @Column(name = "source_sha256")
    public String sourceSha256;

    @Column(name = "source_name")
    public String sourceName;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    /** The plan's own opening paragraphs, before its first chapter. */
    public String preamble;

    /** Demo data is labelled wherever it is shown. */
    @Column(nullable = false)
    public boolean demo;

    @Version
    public int version;
}
