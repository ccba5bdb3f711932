package org.luoshi.task.indicator.domain;

/** What the figures so far say about the target. See {@link IndicatorPolicy} for the exact rules. */
public enum IndicatorOutlook {
    /** The value for the target year is in and meets the target (已实现). */
    MET,
    /** The value for the target year is in and misses the target (未实现). */
    MISSED,
    /** Before the target year: the projection to the target year meets the target. */
    ON_TRACK,
    /** Before the target year: the projection misses, but the pace now needed is within reach. */
    AT_RISK,
    /** Before the target year: 难以实现预警 — the projection misses by more than the tolerance and the pace now needed is beyond reach. */
    UNLIKELY,
    /** No yearly value yet. */
    NO_DATA
}
