package org.luoshi.workflow.assignment.application;

import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.workflow.assignment.api.CompleteRequest;
import org.luoshi.workflow.assignment.api.Decision;
import org.luoshi.workflow.assignment.domain.TaskAssignmentProcess;

/**
 * What each kind of work item accepts as its form, checked on the server (400 naming the field), and the process
 * variables a valid form becomes.
 */
public final class CompletionForms {

    private CompletionForms() {
    }

    public static VariableMap variables(String activityId, CompleteRequest request, String username) {
        Decision decision = request.decision();
        VariableMap variables = Variables.createVariables();
        if (TaskAssignmentProcess.REVIEW_RETURN.equals(activityId)) {
            switch (decision) {
                case REASSIGN -> {
                    if (blank(request.departmentCode())) {
                        throw new InvalidFieldException("departmentCode", "is required when the decision is REASSIGN",
                                ViolationCodes.REQUIRED);
                    }
                    variables.putValue(TaskAssignmentProcess.VAR_DEPARTMENT_CODE, request.departmentCode());
                }
                case AMEND, WITHDRAW -> {
                    if (blank(request.note())) {
                        throw new InvalidFieldException("note", "is required when the decision is " + decision,
                                ViolationCodes.REQUIRED);
                    }
                }
                default -> throw new InvalidFieldException("decision", "must be one of REASSIGN, AMEND, WITHDRAW for 督查室处理退回");
            }
            return variables.putValue(TaskAssignmentProcess.VAR_RETURN_DECISION, decision.name())
                    .putValue(TaskAssignmentProcess.VAR_RETURN_NOTE, blank(request.note()) ? null : request.note().strip())
                    .putValue(TaskAssignmentProcess.VAR_REVIEWED_BY, username);
        }
        if (TaskAssignmentProcess.ACCEPT_TASK.equals(activityId) && decision != Decision.ACCEPT && decision != Decision.RETURN) {
            throw new InvalidFieldException("decision", "must be one of ACCEPT, RETURN for 接收任务");
        }
        variables.putValue(TaskAssignmentProcess.VAR_DECISION, decision.name());
        if (decision == Decision.ACCEPT) {
            variables.putValue(TaskAssignmentProcess.VAR_ACCEPTED_BY, username);
        } else if (decision == Decision.RETURN) {
            variables.putValue(TaskAssignmentProcess.VAR_RETURN_REASON, request.reason().strip());
            variables.putValue(TaskAssignmentProcess.VAR_RETURNED_BY, username);
        }
        return variables;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
