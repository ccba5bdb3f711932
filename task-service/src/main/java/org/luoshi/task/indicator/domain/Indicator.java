package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A quantitative indicator (指标) of the plan, e.g. 全社会研发经费支出占地区生产总值比重, unit "%", 预期性,
 * target 2025 about 6.
 *
 * @param baseline          may be null when the plan gives none
 * @param declaredDirection the direction set for the indicator (正向 UP, 逆向 DOWN, 保持 HOLD); null: derived from
 *                          baseline and target ({@link IndicatorPolicy#direction(Baseline, Target)})
 */
public record Indicator(String name, String unit, IndicatorKind kind, Baseline baseline, Target target,
        List<YearValue> values, Direction declaredDirection) {

    public Indicator(String name, String unit, IndicatorKind kind, Baseline baseline, Target target,
            List<YearValue> values) {
        this(name, unit, kind, baseline, target, values, null);
    }

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
        return IndicatorPolicy.direction(declaredDirection, baseline, target);
    }

    public boolean meetsTarget(BigDecimal value) {
        return IndicatorPolicy.meetsTarget(direction(), target, value, AssessmentSettings.DEFAULTS);
    }

    public boolean meetsTarget(BigDecimal value, AssessmentSettings settings) {
        return IndicatorPolicy.meetsTarget(direction(), target, value, settings);
    }

    public IndicatorAssessment assess(int currentYear) {
        return IndicatorPolicy.assess(declaredDirection, baseline, target, values, currentYear, AssessmentSettings.DEFAULTS);
    }

    public IndicatorAssessment assess(int currentYear, AssessmentSettings settings) {
        return IndicatorPolicy.assess(declaredDirection, baseline, target, values, currentYear, settings);
    }
}
