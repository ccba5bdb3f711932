package org.luoshi.task.indicator.domain;

/**
 * 预期性 or 约束性. The kind is carried for reporting; the assessment rules are the same for both (a binding
 * indicator that is unlikely to be met is escalated more sharply, but that is the caller's business).
 */
public enum IndicatorKind {
    /** 预期性指标 — expected, indicative. Every indicator in the Beijing 14th FYP S&T plan is of this kind. */
    EXPECTED,
    /** 约束性指标 — binding. */
    BINDING
}
