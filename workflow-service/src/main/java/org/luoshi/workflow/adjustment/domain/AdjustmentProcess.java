package org.luoshi.workflow.adjustment.domain;

import java.util.List;

/** Names used in bpmn/task-adjustment.bpmn (动态调整): the process key, activity ids and variables. */
public final class AdjustmentProcess {
    public static final String KEY = "task-adjustment";

    public static final String REVIEW_ADJUSTMENT = "reviewAdjustment";
    public static final String APPROVE_ADJUSTMENT = "approveAdjustment";
    public static final String APPLY_ADJUSTMENT = "applyAdjustment";
    public static final String ANNOUNCE_MILESTONE_DATES = "announceMilestoneDates";
    public static final String NOTIFY_REJECTION = "notifyRejection";
    public static final String APPLY_REFUSED = "applyRefused";
    public static final String END_APPLIED = "adjustmentApplied";
    public static final String END_REJECTED = "adjustmentRejected";

    /** Candidate group of 领导审批: the realm role admin, as the inbox writes roles. */
    public static final String GROUP_ADMIN = "role:admin";

    public static final String VAR_TASK_ID = "taskId";
    public static final String VAR_TASK_TITLE = "taskTitle";
    /** The lead department when the adjustment was requested (the generic inbox shows it). */
    public static final String VAR_DEPARTMENT_CODE = "departmentCode";
    public static final String VAR_REASON_CATEGORY = "reasonCategory";
    public static final String VAR_JUSTIFICATION = "justification";
    /** yyyy-MM-dd or null. */
    public static final String VAR_NEW_DUE_DATE = "newDueDate";
    /** {milestoneId → yyyy-MM-dd} (JSON) or null. */
    public static final String VAR_MILESTONE_DUE_DATES = "milestoneDueDates";
    /** {milestoneId → yyyy-MM-dd} of the task's open milestones after the adjustment, from task-service's answer. */
    public static final String VAR_MILESTONE_DUE_DATES_AFTER = "milestoneDueDatesAfter";
    public static final String VAR_NEW_LEAD_DEPARTMENT = "newLeadDepartmentCode";
    public static final String VAR_NEW_TITLE = "newTitle";
    public static final String VAR_REQUESTED_BY = "requestedBy";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";
    public static final String VAR_REVIEWED_BY = "reviewedBy";
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_APPROVAL_COMMENT = "approvalComment";
    public static final String VAR_APPROVED_BY = "approvedBy";
    /** Set by whichever step rejects: its comment and who rejected. */
    public static final String VAR_REJECTION_COMMENT = "rejectionComment";
    public static final String VAR_REJECTED_BY = "rejectedBy";
    /** The task's revision number task-service answered. */
    public static final String VAR_REVISION = "revision";
    /** task-service's reason for refusing to apply the approved adjustment (boundary event applyRefused). */
    public static final String VAR_APPLY_REFUSAL = "applyRefusal";

    public static final String DECISION_APPROVE = "APPROVE";
    public static final String DECISION_REJECT = "REJECT";

    /** The variables GET /api/processes/{id} shows for this process. */
    public static final List<String> VARIABLES_OF_INTEREST = List.of(VAR_TASK_ID, VAR_TASK_TITLE, VAR_DEPARTMENT_CODE,
            VAR_REASON_CATEGORY, VAR_JUSTIFICATION, VAR_NEW_DUE_DATE, VAR_MILESTONE_DUE_DATES, VAR_NEW_LEAD_DEPARTMENT,
            VAR_NEW_TITLE, VAR_REQUESTED_BY, VAR_REVIEW_DECISION, VAR_REVIEW_COMMENT, VAR_REVIEWED_BY,
            VAR_APPROVAL_DECISION, VAR_APPROVAL_COMMENT, VAR_APPROVED_BY, VAR_REJECTION_COMMENT, VAR_REJECTED_BY,
            VAR_REVISION, VAR_APPLY_REFUSAL);

    private AdjustmentProcess() {
    }

    /** Business key: {@code adjustment-<taskId>-<uuid>}. */
    public static String businessKeyPrefix(long taskId) {
        return "adjustment-" + taskId + "-";
    }
}
