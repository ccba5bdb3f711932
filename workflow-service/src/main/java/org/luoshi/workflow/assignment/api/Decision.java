package org.luoshi.workflow.assignment.api;

/** What a department decides about an assigned task, and what the supervision office decides about a returned one. */
public enum Decision {
    /** 接收: the department takes the task on. */
    ACCEPT,
    /** 退回: the department returns the task, giving a reason. */
    RETURN,
    /** 改派 (督查室, on a returned task): to another department, named in {@code departmentCode}. */
    REASSIGN,
    /** 修改后重新交办 (督查室): back to the same department with a {@code note}. */
    AMEND,
    /** 撤回 (督查室): the assignment ends; {@code note} says why. */
    WITHDRAW
}
