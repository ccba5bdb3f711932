package org.luoshi.task.succession.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.luoshi.task.indicator.domain.IndicatorValue;
import org.luoshi.task.indicator.domain.ValueRevision;

/**
 * Which value of an old indicator becomes the baseline of the new one: the latest year's, and of that year the revised
 * value over the preliminary one (a revised value replaces the first release).
 */
public final class BaselinePolicy {
    private BaselinePolicy() {
    }

    public static Optional<IndicatorValue> latest(List<IndicatorValue> values) {
        return values.stream().max(Comparator.<IndicatorValue>comparingInt(v -> v.year)
                .thenComparing(v -> v.revision == ValueRevision.REVISED));
    }
}
