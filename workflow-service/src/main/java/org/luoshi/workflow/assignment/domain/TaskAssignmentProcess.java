package org.luoshi.workflow.assignment.domain;

/** Names used in bpmn/task-assignment.bpmn: the process key, activity ids and process variables. */
public final class TaskAssignmentProcess {
    public static final String KEY = "task-assignment";

    public static final String ACCEPT_TASK = "acceptTask";
    public static final String RECORD_ACCEPTANCE = "recordAcceptance";
    public static final String ACCEPTANCE_REFUSED = "acceptanceRefused";
    public static final String END_ACCEPTED = "taskAccepted";
    public static final String REVIEW_RETURN = "reviewReturn";
    public static final String END_WITHDRAWN = "assignmentWithdrawn";
    /** The candidate group of 督查室处理退回: the deciding role, not the supervision office's department group. */
    public static final String GROUP_SUPERVISORS = "role:supervisor";

    public static final String VAR_TASK_ID = "taskId";
    public static final String VAR_TASK_TITLE = "taskTitle";
    public static final String VAR_DEPARTMENT_CODE = "departmentCode";
    public static final String VAR_ASSIGNED_BY = "assignedBy";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_RETURN_REASON = "returnReason";
    public static final String VAR_RETURNED_BY = "returnedBy";
    public static final String VAR_ACCEPTED_BY = "acceptedBy";
    public static final String VAR_RETURN_DECISION = "returnDecision";
    public static final String VAR_RETURN_NOTE = "returnNote";
    public static final String VAR_REVIEWED_BY = "reviewedBy";
    /** How many reassignments task-service has recorded for this instance; numbers their idempotency keys. */
    public static final String VAR_REASSIGNMENTS = "reassignments";
    /** task-service's reason for refusing the last acceptance, reassignment or withdrawal (boundary events *Refused). */
    public static final String VAR_RECORD_REFUSAL = "recordRefusal";

    public static final String DECISION_ACCEPT = "ACCEPT";
    public static final String DECISION_RETURN = "RETURN";
    public static final String DECISION_REASSIGN = "REASSIGN";
    public static final String DECISION_AMEND = "AMEND";
    public static final String DECISION_WITHDRAW = "WITHDRAW";

    /** The variables the API shows; others stay internal to the engine. */
    public static final java.util.List<String> VARIABLES_OF_INTEREST = java.util.List.of(
            VAR_TASK_ID, VAR_TASK_TITLE, VAR_DEPARTMENT_CODE, VAR_ASSIGNED_BY, VAR_DECISION, VAR_RETURN_REASON,
            VAR_RETURNED_BY, VAR_ACCEPTED_BY, VAR_RETURN_DECISION, VAR_RETURN_NOTE, VAR_REVIEWED_BY, VAR_REASSIGNMENTS,
            VAR_RECORD_REFUSAL);

    private TaskAssignmentProcess() {
    }
}
