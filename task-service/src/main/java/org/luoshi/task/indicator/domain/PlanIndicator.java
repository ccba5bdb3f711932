package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.luoshi.task.shared.domain.RuleViolation;

/** 指标: a quantitative indicator of a plan, with its baseline, target and the values reported for it. */
@Entity
@Table(name = "plan_indicator")
public class PlanIndicator {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "plan_id", nullable = false)
    public Long planId;

    @Column(nullable = false)
    public int ordinal;

    @Column(nullable = false)
    public String name;

    public String unit;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IndicatorKind kind;

    @Column(name = "baseline_year")
    public Integer baselineYear;

    @Column(name = "baseline_value")
    public BigDecimal baselineValue;

    @Column(name = "target_year", nullable = false)
    public int targetYear;

    @Column(name = "target_value", nullable = false)
    public BigDecimal targetValue;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TargetComparison comparison;

    /** The target as the plan first set it, kept once the target is adjusted; all null while it never was. */
    @Column(name = "original_target_year")
    public Integer originalTargetYear;

    @Column(name = "original_target_value")
    public BigDecimal originalTargetValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "original_comparison")
    public TargetComparison originalComparison;

    /**
     * Which way the indicator should move (正向 UP, 逆向 DOWN, 保持 HOLD). It decides how an ABOUT target is read; the
     * other comparisons fix their own ({@link org.luoshi.task.indicator.domain.IndicatorPolicy#direction(Direction,
     * Baseline, Target)}). Defaulted from the comparison and the plan's wording when first stored.
     */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "responsible_department_code")
    public String responsibleDepartmentCode;

    @Column(name = "source_text")
    public String sourceText;

    @OneToMany(mappedBy = "indicator", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("year, revision")
    public List<IndicatorValue> values = new ArrayList<>();

    @Version
    public int version;

    @PrePersist
    void defaultDirection() {
        if (direction == null) {
            direction = DirectionDefaults.of(comparison, name, sourceText, baselineValue, targetValue);
        }
    }

    /** The target in force: the plan's own, or the adjusted one. */
    public Target target() {
        return new Target(targetYear, targetValue, comparison);
    }

    /** The target the plan first set, when the one in force differs from it; else null. */
    public Target originalTarget() {
        return originalTargetValue == null ? null : new Target(originalTargetYear, originalTargetValue, originalComparison);
    }

    /**
     * Sets the target in force. The first change keeps the plan's own target as the original; a change back to it
     * leaves the indicator unadjusted again. Only the original is kept here, each step is in the audit log.
     */
    public void changeTarget(Target next) {
        if (sameTarget(next, target())) {
            return;
        }
        if (originalTargetValue == null) {
            originalTargetYear = targetYear;
            originalTargetValue = targetValue;
            originalComparison = comparison;
        }
        targetYear = next.year();
        targetValue = next.value();
        comparison = next.comparison();
        if (sameTarget(next, originalTarget())) {
            originalTargetYear = null;
            originalTargetValue = null;
            originalComparison = null;
        }
    }

    private static boolean sameTarget(Target a, Target b) {
        return b != null && a.year() == b.year() && a.value().compareTo(b.value()) == 0 && a.comparison() == b.comparison();
    }

    /** The indicator as the assessment rules see it. */
    public Indicator toRule() {
        Baseline baseline = baselineYear == null ? null : new Baseline(baselineYear, baselineValue);
        return new Indicator(name, unit, kind, baseline, new Target(targetYear, targetValue, comparison),
                values.stream().map(IndicatorValue::toRule).toList(), direction);
    }

    /**
     * Takes a baseline from elsewhere (the latest value of the indicator this one continues): it must come before the
     * target year, as a plan's own baseline does.
     */
    public void takeBaseline(int year, BigDecimal value) {
        if (year >= targetYear) {
            throw new RuleViolation("indicator.baseline-after-target", "indicator " + id + " has its target in " + targetYear
                    + ": a baseline of " + year + " does not come before it");
        }
        baselineYear = year;
        baselineValue = value;
    }
}
