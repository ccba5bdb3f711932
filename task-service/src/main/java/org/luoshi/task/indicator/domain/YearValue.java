package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** A published value for one year, preliminary (初步) or revised (修订). */
public record YearValue(int year, BigDecimal value, ValueRevision revision) {
    public YearValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(revision, "revision");
    }
}
