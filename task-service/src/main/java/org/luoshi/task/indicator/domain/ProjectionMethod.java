package org.luoshi.task.indicator.domain;

/** How the values so far are carried forward to the target year. */
public enum ProjectionMethod {
    /** Least-squares straight line through the baseline and the yearly values (the default). */
    LINEAR,
    /** Compound annual growth rate from the first point (the baseline) to the latest value, carried forward. */
    COMPOUND
}
