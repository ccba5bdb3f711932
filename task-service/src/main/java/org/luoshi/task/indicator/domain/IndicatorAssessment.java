package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;

/**
 * Where an indicator stands, computed by {@link IndicatorPolicy#assess}. Numbers are rounded to
 * {@value IndicatorPolicy#SCALE} decimals; any of them is null when it cannot be computed.
 *
 * @param direction         which way the indicator has to go
 * @param tolerance         the tolerance in the indicator's unit (tolerance fraction × |target|)
 * @param latestYear        the year of the latest value (null without values)
 * @param latestValue       the latest value, the revised one where a year has both
 * @param latestRevision    whether the latest value is preliminary or revised
 * @param latestMeetsTarget whether the latest value meets the target (null without values)
 * @param progressToTarget  share of the way from baseline to target covered (fraction; may be &gt; 1 or &lt; 0)
 * @param requiredPace      planned and now-needed pace
 * @param linearProjection  least-squares projection to the target year
 * @param compoundProjection compound-growth projection to the target year
 * @param projection        the projection the outlook used (per {@link AssessmentSettings#projectionMethod()})
 * @param bestAnnualChange  the annual change observed so far (between consecutive points, baseline included) that went
 *                          furthest in the direction of the target, signed, in the indicator's unit per year; if its
 *                          sign is opposite to that direction, the indicator never moved that way
 * @param outlook           the verdict
 */
public record IndicatorAssessment(
        Direction direction,
        BigDecimal tolerance,
        Integer latestYear,
        BigDecimal latestValue,
        ValueRevision latestRevision,
        Boolean latestMeetsTarget,
        BigDecimal progressToTarget,
        RequiredPace requiredPace,
        Projection linearProjection,
        Projection compoundProjection,
        Projection projection,
        BigDecimal bestAnnualChange,
        IndicatorOutlook outlook) {

    public boolean hasData() {
        return latestValue != null;
    }
}
