package org.luoshi.task.indicator.domain;

/** Whether a published yearly value is the first release or the final one. */
public enum ValueRevision {
    /** 初步 — preliminary (first release, e.g. in the statistical communiqué). */
    PRELIMINARY,
    /** 修订 — revised (final); replaces the preliminary value of the same year. */
    REVISED
}
