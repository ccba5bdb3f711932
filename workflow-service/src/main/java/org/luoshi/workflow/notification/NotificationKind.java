package org.luoshi.workflow.notification;

/** Why a notification was sent. */
public enum NotificationKind {
    /** 提醒: the milestone falls due soon. */
    REMINDER,
    /** 催办: the milestone is overdue. */
    URGING,
    /** 督办: the milestone is long overdue; the supervising office steps in. */
    SUPERVISION,
    /** 审核通过 */
    REPORT_APPROVED,
    /** 审核退回 */
    REPORT_REJECTED,
    /** 调整未通过: a request of 动态调整 was rejected. */
    ADJUSTMENT_REJECTED,
    /** 评估未能发起: task-service refused to create an evaluation; the launcher is told why. */
    EVALUATION_REFUSED,
    /** 评估报告未能发布: task-service refused to publish an approved evaluation; the supervising office is told why. */
    PUBLICATION_REFUSED
}
