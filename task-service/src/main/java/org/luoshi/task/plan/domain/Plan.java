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

import org.luoshi.task.shared.domain.RuleViolation;

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

    /** A plan starts as a draft, created or imported; only {@link #confirm} and {@link #moveTo} move it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PlanStatus status = PlanStatus.DRAFT;

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

    /** The plan this one succeeds (e.g. the 15th Five-Year plan the 14th); set only by {@link #succeed}. */
    @Column(name = "predecessor_id")
    public Long predecessorId;

    @Version
    public int version;

    /**
     * Links this plan to the plan it succeeds: one that is no draft and whose period ends before this one starts (so
     * that a chain of plans never loops). Linking to the same plan again changes nothing; another one is refused, as is
     * a predecessor already succeeded by another plan ({@code successorOfPredecessor}, null when none).
     */
    public boolean succeed(Plan predecessor, Long successorOfPredecessor) {
        if (id != null && id.equals(predecessor.id)) {
            throw new RuleViolation("plan.own-predecessor", "plan " + id + " cannot succeed itself");
        }
        if (predecessor.id.equals(predecessorId)) {
            return false;
        }
        if (predecessorId != null) {
            throw new RuleViolation("plan.predecessor-set", "plan " + id + " already succeeds plan " + predecessorId);
        }
        if (predecessor.status == PlanStatus.DRAFT) {
            throw new RuleViolation("plan.predecessor-draft", "plan " + predecessor.id + " is a draft: only a plan in force "
                    + "or closed can be succeeded");
        }
        if (predecessor.periodEnd >= periodStart) {
            throw new RuleViolation("plan.predecessor-period", "plan " + predecessor.id + " runs until " + predecessor.periodEnd
                    + ": a successor starts after it ends, and plan " + id + " starts in " + periodStart);
        }
        if (successorOfPredecessor != null && !successorOfPredecessor.equals(id)) {
            throw new RuleViolation("plan.already-succeeded", "plan " + predecessor.id + " is already succeeded by plan "
                    + successorOfPredecessor);
        }
        predecessorId = predecessor.id;
        return true;
    }

    /** Confirms a draft: it comes into force, and its tasks can be worked on. */
    public void confirm(String by, Instant at) {
        if (status != PlanStatus.DRAFT) {
            throw new RuleViolation("plan.not-draft", "plan " + id + " is " + status + ", not a draft");
        }
        status = PlanStatus.IN_FORCE;
        confirmedAt = at;
        confirmedBy = by;
    }

    /** The next phase only: a plan never goes back nor skips one. */
    public void moveTo(PlanStatus next) {
        if (!status.canMoveTo(next)) {
            throw new RuleViolation("plan.status-order", "plan " + id + " is " + status + " and cannot become " + next);
        }
        status = next;
    }
}
