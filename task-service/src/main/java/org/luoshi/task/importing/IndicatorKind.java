package org.luoshi.task.importing;

/** Whether an indicator is a forecast (预期性) or an obligation (约束性). */
public enum IndicatorKind {
    /** 预期性: the plan expects this value. The default when the document does not say. */
    EXPECTED,
    /** 约束性: binding; the government must meet it. */
    BINDING
}
