package org.luoshi.task.tracking.domain;

/** 红黄绿灯, and NONE (未定) for a task not yet scheduled. See {@link StatusLightPolicy}. */
public enum StatusLight {
    GREEN, YELLOW, RED, NONE
}
