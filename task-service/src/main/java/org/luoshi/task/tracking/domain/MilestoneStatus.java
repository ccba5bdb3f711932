package org.luoshi.task.tracking.domain;

/** 未完成 / 已完成 (a completed milestone is one whose report was approved). */
public enum MilestoneStatus {
    PLANNED, DONE
}
