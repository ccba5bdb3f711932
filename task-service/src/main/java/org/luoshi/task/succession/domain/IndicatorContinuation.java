package org.luoshi.task.succession.domain;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.luoshi.task.indicator.domain.ValueRevision;

/**
 * A new plan's indicator continuing an old plan's: the baseline it took (the old one's latest value) with its year and
 * provenance (preliminary or revised, and the source), as they were when it was taken.
 */
@Entity
@Table(name = "indicator_continuation")
public class IndicatorContinuation {
    @Id
    @Column(name = "indicator_id")
    public Long indicatorId;

    @Column(name = "previous_indicator_id", nullable = false)
    public Long previousIndicatorId;

    @Column(name = "baseline_year", nullable = false)
    public int baselineYear;

    @Column(name = "baseline_value", nullable = false)
    public BigDecimal baselineValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "baseline_revision", nullable = false)
    public ValueRevision baselineRevision;

    @Column(name = "baseline_source", nullable = false)
    public String baselineSource;

    @Column(name = "linked_by", nullable = false)
    public String linkedBy;

    @Column(name = "linked_at", nullable = false)
    public Instant linkedAt;
}
