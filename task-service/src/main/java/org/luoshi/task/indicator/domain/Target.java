package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** The plan's target (目标值): its year, its value and how it is phrased. */
public record Target(int year, BigDecimal value, TargetComparison comparison) {
    public Target {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(comparison, "comparison");
    }
}
