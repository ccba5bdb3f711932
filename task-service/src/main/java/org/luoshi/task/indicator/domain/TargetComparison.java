package org.luoshi.task.indicator.domain;

/** How a target is phrased in the plan, and so how a value is compared with it. */
public enum TargetComparison {
    /** 左右 — "about", "保持在6%左右", "提高到17%左右": within a tolerance band, see {@link IndicatorPolicy#meetsTarget}. */
    ABOUT,
    /** 不低于 / 达到 — "at least": value ≥ target. */
    AT_LEAST,
    /** 超过 — "more than": value > target, strictly. */
    MORE_THAN,
    /** 不超过 / 控制在…以内 — "at most": value ≤ target. */
    AT_MOST
}
