package org.luoshi.workflow.taskservice;

/** task-service refused a request for good (a 4xx other than 401/408/429): the same request would be refused again. */
public class TaskServiceRefusal extends RuntimeException {
    /** The BPMN error code the process steps throw for it; boundary events catch this code. */
    public static final String ERROR_CODE = "TASK_SERVICE_REFUSED";

    /** The HTTP status task-service answered (named so: a "status" field is a domain state, ArchitectureTest). */
    private final int httpStatus;

    public TaskServiceRefusal(int httpStatus, String reason, Throwable cause) {
        super(reason, cause);
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
