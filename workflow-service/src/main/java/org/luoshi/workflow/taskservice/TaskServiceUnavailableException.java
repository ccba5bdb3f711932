package org.luoshi.workflow.taskservice;

/** task-service could not be asked (down, timed out, refused our service token, answered 5xx). */
public class TaskServiceUnavailableException extends RuntimeException {
    public TaskServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
