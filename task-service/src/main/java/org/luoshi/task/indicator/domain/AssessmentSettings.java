package org.luoshi.task.indicator.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The adjustable thresholds of the assessment.
 *
 * @param aboutTolerance   the tolerance as a fraction of the target value: the band of an ABOUT target, and how far
 *                         a projection may miss before the "unlikely" warning can fire
 * @param reachFactor      the pace now needed is "within reach" up to this multiple of the best annual change seen so far
 * @param projectionMethod which projection the outlook uses
 */
public record AssessmentSettings(BigDecimal aboutTolerance, BigDecimal reachFactor, ProjectionMethod projectionMethod) {

    /** ±5% of the target value: "about 6%" is 5.70–6.30, "about 17%" is 16.15–17.85. */
    public static final BigDecimal DEFAULT_ABOUT_TOLERANCE = new BigDecimal("0.05");

    /** The pace now needed may be up to 1.5 times the best annual change observed so far. */
    public static final BigDecimal DEFAULT_REACH_FACTOR = new BigDecimal("1.5");

    /** 5% tolerance, 1.5× reach, linear projection. */
    public static final AssessmentSettings DEFAULTS =
            new AssessmentSettings(DEFAULT_ABOUT_TOLERANCE, DEFAULT_REACH_FACTOR, ProjectionMethod.LINEAR);

    public AssessmentSettings {
        Objects.requireNonNull(aboutTolerance, "aboutTolerance");
        Objects.requireNonNull(reachFactor, "reachFactor");
        Objects.requireNonNull(projectionMethod, "projectionMethod");
        if (aboutTolerance.signum() < 0) {
            throw new IllegalArgumentException("aboutTolerance must not be negative: " + aboutTolerance);
        }
        if (reachFactor.signum() <= 0) {
            throw new IllegalArgumentException("reachFactor must be positive: " + reachFactor);
        }
    }

    public AssessmentSettings withProjectionMethod(ProjectionMethod method) {
        return new AssessmentSettings(aboutTolerance, reachFactor, method);
    }

    public AssessmentSettings withAboutTolerance(BigDecimal tolerance) {
        return new AssessmentSettings(tolerance, reachFactor, projectionMethod);
    }
}
