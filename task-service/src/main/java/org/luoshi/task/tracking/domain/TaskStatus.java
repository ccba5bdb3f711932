package org.luoshi.task.tracking.domain;

/** 待交办 → 已交办 → 已接收 → 已完成. */
public enum TaskStatus {
    DRAFT, ASSIGNED, ACCEPTED, COMPLETED
}
