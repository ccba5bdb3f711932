package org.luoshi.task.tracking.domain;

/** Why a task is adjusted (动态调整的原因). */
public enum AdjustmentReason {
    FORCE_MAJEURE, POLICY_CHANGE, RESOURCE_CHANGE, SCOPE_CHANGE, OTHER
}
