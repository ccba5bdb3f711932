package org.luoshi.task.domain;

/** 待交办 → 已交办 → 已接收 → 已完成. */
public enum TaskStatus {
    DRAFT, ASSIGNED, ACCEPTED, COMPLETED
}
