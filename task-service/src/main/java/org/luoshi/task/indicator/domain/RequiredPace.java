package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;

/**
 * How fast the indicator has to move, in the indicator's unit per year and as an annual growth rate (fraction).
 * Any component is null when it cannot be computed (no baseline, no value, no year left, a non-positive value for
 * a growth rate).
 *
 * @param plannedPerYear       the straight line from baseline to target: (target − baseline) / (target year − baseline year)
 * @param neededPerYear        what is now needed: (target − latest) / (target year − latest year)
 * @param plannedAnnualGrowth  (target / baseline)^(1 / years) − 1
 * @param neededAnnualGrowth   (target / latest)^(1 / years left) − 1
 * @param yearsLeft            target year − latest year
 */
public record RequiredPace(BigDecimal plannedPerYear, BigDecimal neededPerYear, BigDecimal plannedAnnualGrowth,
        BigDecimal neededAnnualGrowth, Integer yearsLeft) {
}
