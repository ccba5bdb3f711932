package org.luoshi.task.indicator.domain;

/** Which way the indicator has to move from its baseline to reach its target. */
public enum Direction {
    /** Up, or stay above (AT_LEAST, MORE_THAN, and ABOUT with a target above the baseline). */
    UP,
    /** Down, or stay below (AT_MOST, and ABOUT with a target below the baseline). */
    DOWN,
    /** Stay where it is (ABOUT with a target equal to the baseline, e.g. 保持在…左右). */
    HOLD
}
