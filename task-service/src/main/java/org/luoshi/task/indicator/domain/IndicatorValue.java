package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A value of an indicator for one year, as first released or as revised, with where it came from. */
@Entity
@Table(name = "indicator_value")
public class IndicatorValue {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    public PlanIndicator indicator;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false)
    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ValueRevision revision;

    @Column(nullable = false)
    public String source;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    YearValue toRule() {
        return new YearValue(year, value, revision);
    }
}
