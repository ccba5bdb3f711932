package org.luoshi.workflow.taskservice;

/** task-service refused a request for good (a 4xx other than 401/408/429): the same request would be refused again. */
public class TaskServiceRefusal extends RuntimeException {
    /** The BPMN error code the process steps throw for it; boundary events catch this code. */
    public static final String ERROR_CODE = "TASK_SERVICE_REFUSED";

    private final int status;

    public TaskServiceRefusal(int status, String reason, Throwable cause) {
        super(reason, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
