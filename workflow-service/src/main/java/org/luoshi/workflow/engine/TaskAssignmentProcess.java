package org.luoshi.workflow.engine;

/** Names used in bpmn/task-assignment.bpmn: the process key, activity ids and process variables. */
public final class TaskAssignmentProcess {
    public static final String KEY = "task-assignment";

    public static final String ACCEPT_TASK = "acceptTask";
    public static final String RECORD_ACCEPTANCE = "recordAcceptance";
    public static final String END_ACCEPTED = "taskAccepted";
    public static final String END_RETURNED = "taskReturned";

    public static final String VAR_TASK_ID = "taskId";
    public static final String VAR_TASK_TITLE = "taskTitle";
    public static final String VAR_DEPARTMENT_CODE = "departmentCode";
    public static final String VAR_ASSIGNED_BY = "assignedBy";
    public static final String VAR_DECISION = "decision";
    public static final String VAR_RETURN_REASON = "returnReason";
    public static final String VAR_RETURNED_BY = "returnedBy";
    public static final String VAR_ACCEPTED_BY = "acceptedBy";

    public static final String DECISION_ACCEPT = "ACCEPT";
    public static final String DECISION_RETURN = "RETURN";

    /** The variables the API shows; others stay internal to the engine. */
    public static final java.util.List<String> VARIABLES_OF_INTEREST = java.util.List.of(
            VAR_TASK_ID, VAR_TASK_TITLE, VAR_DEPARTMENT_CODE, VAR_ASSIGNED_BY, VAR_DECISION, VAR_RETURN_REASON,
            VAR_RETURNED_BY, VAR_ACCEPTED_BY);

    private TaskAssignmentProcess() {
    }
}
