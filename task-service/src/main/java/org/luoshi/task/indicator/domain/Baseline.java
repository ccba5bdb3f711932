package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** The plan's starting value (基期值), e.g. 2020 for a 14th Five-Year plan indicator. */
public record Baseline(int year, BigDecimal value) {
    public Baseline {
        Objects.requireNonNull(value, "value");
    }
}
