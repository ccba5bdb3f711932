package org.luoshi.workflow.assignment.domain;

import static org.luoshi.workflow.assignment.domain.TaskAssignmentProcess.*;

import java.util.function.Function;

import org.luoshi.workflow.shared.ProcessValues;

/**
 * The variables of one 任务交办 instance, typed.
 * The one place that reads them by name and type; names and meanings are in {@link TaskAssignmentProcess}. A variable not
 * (yet) set is null.
 */
public record TaskAssignmentVariables(
        Long taskId,
        String taskTitle,
        String departmentCode,
        String assignedBy,
        String decision,
        String returnReason,
        String returnedBy,
        String acceptedBy,
        String returnDecision,
        String returnNote,
        String reviewedBy,
        Integer reassignments) {

    /** Reads every variable through the lookup ({@code execution::getVariable}, {@code variables::get}). */
    public static TaskAssignmentVariables of(Function<String, Object> v) {
        return new TaskAssignmentVariables(
                ProcessValues.asLong(v.apply(VAR_TASK_ID)),
                ProcessValues.asString(v.apply(VAR_TASK_TITLE)),
                ProcessValues.asString(v.apply(VAR_DEPARTMENT_CODE)),
                ProcessValues.asString(v.apply(VAR_ASSIGNED_BY)),
                ProcessValues.asString(v.apply(VAR_DECISION)),
                ProcessValues.asString(v.apply(VAR_RETURN_REASON)),
                ProcessValues.asString(v.apply(VAR_RETURNED_BY)),
                ProcessValues.asString(v.apply(VAR_ACCEPTED_BY)),
                ProcessValues.asString(v.apply(VAR_RETURN_DECISION)),
                ProcessValues.asString(v.apply(VAR_RETURN_NOTE)),
                ProcessValues.asString(v.apply(VAR_REVIEWED_BY)),
                ProcessValues.asInt(v.apply(VAR_REASSIGNMENTS)));
    }
}
