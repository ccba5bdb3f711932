package org.luoshi.task.domain.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A quantitative indicator (指标) of the plan, e.g. 全社会研发经费支出占地区生产总值比重, unit "%", 预期性,
 * target 2025 about 6.
 *
 * @param baseline may be null when the plan gives none
 */
public record Indicator(String name, String unit, IndicatorKind kind, Baseline baseline, Target target,
        List<YearValue> values) {

    public Indicator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(target, "target");
        values = values == null ? List.of() : List.copyOf(values);
        if (baseline != null && baseline.year() >= target.year()) {
            throw new IllegalArgumentException(
                    "baseline year " + baseline.year() + " must be before target year " + target.year());
        }
    }

    public Direction direction() {
        return IndicatorPolicy.direction(baseline, target);
    }

    public boolean meetsTarget(BigDecimal value) {
        return IndicatorPolicy.meetsTarget(baseline, target, value);
    }

    public boolean meetsTarget(BigDecimal value, AssessmentSettings settings) {
        return IndicatorPolicy.meetsTarget(baseline, target, value, settings);
    }

    public IndicatorAssessment assess(int currentYear) {
        return IndicatorPolicy.assess(baseline, target, values, currentYear);
    }

    public IndicatorAssessment assess(int currentYear, AssessmentSettings settings) {
        return IndicatorPolicy.assess(baseline, target, values, currentYear, settings);
    }
}
