package org.luoshi.task.succession.api;

import java.math.BigDecimal;
import java.time.Instant;

import org.luoshi.task.indicator.domain.ValueRevision;
import org.luoshi.task.succession.domain.IndicatorContinuation;

/** A new indicator continuing an old one, with the baseline it took: year, value, preliminary or revised, source. */
public record ContinuationView(Long indicatorId, String name, Long previousIndicatorId, int baselineYear,
        BigDecimal baselineValue, ValueRevision baselineRevision, String baselineSource, String linkedBy, Instant linkedAt) {
    public static ContinuationView of(IndicatorContinuation c, String name) {
        return new ContinuationView(c.indicatorId, name, c.previousIndicatorId, c.baselineYear, c.baselineValue,
                c.baselineRevision, c.baselineSource, c.linkedBy, c.linkedAt);
    }
}
