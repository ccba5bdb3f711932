package org.luoshi.task.indicator.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.luoshi.task.indicator.domain.Direction;
import org.luoshi.task.indicator.domain.IndicatorAssessment;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.IndicatorValue;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.indicator.domain.ValueRevision;

/**
 * An indicator with its values and their assessment as of this year (method: docs/indicator-method.md):
 * progress to target, the pace needed, a projection to the target year and the outlook (UNLIKELY is the
 * "unlikely to meet" warning). {@code targetYear}, {@code targetValue} and {@code comparison} are the target in
 * force; {@code originalTarget} is the plan's own target when an adjustment changed it, else null. {@code direction} is
 * the one set for the indicator (正向 UP, 逆向 DOWN, 保持 HOLD); {@code assessment.direction} the one the assessment used
 * (the same, except for AT_LEAST/MORE_THAN, always UP, and AT_MOST, always DOWN).
 */
public record IndicatorView(Long id, Long planId, int ordinal, String name, String unit, IndicatorKind kind,
        Integer baselineYear, BigDecimal baselineValue, int targetYear, BigDecimal targetValue, TargetComparison comparison,
        Direction direction,
        TargetView originalTarget, String responsibleDepartmentCode, String sourceText, List<Value> values, IndicatorAssessment assessment,
        int version) {

    /** A target: its year, value and how it is phrased. */
    public record TargetView(int year, BigDecimal value, TargetComparison comparison) {
        public static TargetView of(org.luoshi.task.indicator.domain.Target target) {
            return target == null ? null : new TargetView(target.year(), target.value(), target.comparison());
        }
    }

    public record Value(Long id, int year, BigDecimal value, ValueRevision revision, String source, String reportedBy,
            Instant reportedAt) {
        public static Value of(IndicatorValue v) {
            return new Value(v.id, v.year, v.value, v.revision, v.source, v.reportedBy, v.reportedAt);
        }
    }
}
