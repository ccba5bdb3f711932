package org.luoshi.task.succession.domain;

import java.util.Optional;

import org.luoshi.task.tracking.domain.TaskStatus;

/**
 * Which task of the old plan can be carried into its successor or closed: one of the predecessor's tasks, unfinished,
 * not decided before. Each refusal has a stable code, named per item in the bulk refusal.
 */
public final class CarryOverPolicy {
    public static final String NOT_IN_PREDECESSOR = "carry-over.not-in-predecessor";
    public static final String COMPLETED = "carry-over.completed";
    public static final String ALREADY_CARRIED = "carry-over.already-carried";
    public static final String ALREADY_CLOSED = "carry-over.already-closed";
    public static final String LISTED_TWICE = "carry-over.listed-twice";

    private CarryOverPolicy() {
    }

    public record Refusal(String code, String message) {
    }

    /**
     * @param taskPlanId the plan of the task named (null when there is no such task, or the caller cannot see it)
     * @param earlier    the decision already taken about it, if any
     */
    public static Optional<Refusal> refusal(long taskId, Long taskPlanId, TaskStatus status, long predecessorId,
            CarryOver earlier) {
        if (taskPlanId == null || taskPlanId != predecessorId) {
            return Optional.of(new Refusal(NOT_IN_PREDECESSOR, "task " + taskId + " is not a task of plan " + predecessorId
                    + ", the plan this one succeeds"));
        }
        if (earlier != null) {
            return Optional.of(earlier.decision == CarryOverDecision.CARRIED
                    ? new Refusal(ALREADY_CARRIED, "task " + taskId + " was already carried over, as task " + earlier.newTaskId)
                    : new Refusal(ALREADY_CLOSED, "task " + taskId + " was already closed: " + earlier.reason));
        }
        if (status == TaskStatus.COMPLETED) {
            return Optional.of(new Refusal(COMPLETED, "task " + taskId + " is completed: only an unfinished task is "
                    + "carried over or closed"));
        }
        return Optional.empty();
    }
}
