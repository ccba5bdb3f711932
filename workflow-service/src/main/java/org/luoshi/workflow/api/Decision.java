package org.luoshi.workflow.api;

/** What a department decides about an assigned task. */
public enum Decision {
    /** 接收: the department takes the task on. */
    ACCEPT,
    /** 退回: the department returns the task, giving a reason. */
    RETURN
}
