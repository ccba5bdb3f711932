package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;

/**
 * The value expected in {@code year} if the trend so far continues.
 *
 * @param perYear for {@link ProjectionMethod#LINEAR} the slope, in the indicator's unit per year; for
 *                {@link ProjectionMethod#COMPOUND} the annual growth rate as a fraction (0.1 = 10% a year)
 */
public record Projection(ProjectionMethod method, int year, BigDecimal value, BigDecimal perYear) {
}
