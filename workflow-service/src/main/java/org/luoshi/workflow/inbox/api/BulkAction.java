package org.luoshi.workflow.inbox.api;

/** What a supervisor does to many items at once. */
public enum BulkAction {
    /** 通过: a review task ({@code reviewReport}) completes with decision=APPROVE. */
    APPROVE,
    /** 退回修改: a review task ({@code reviewReport}) completes with decision=REJECT. */
    REJECT,
    /** 改派: a returned task ({@code reviewReturn}) goes to {@code toDepartment}. */
    REASSIGN
}
