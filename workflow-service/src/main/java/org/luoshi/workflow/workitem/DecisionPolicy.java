package org.luoshi.workflow.workitem;

import java.util.Map;
import java.util.Optional;

import org.luoshi.common.security.CurrentUser;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.adjustment.domain.AdjustmentProcess;
import org.luoshi.workflow.evaluation.domain.EvaluationProcess;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.assignment.domain.TaskAssignmentProcess;

/**
 * Who may decide: a deciding step belongs to a role (the process offers it to {@code role:<role>}), never to whoever
 * sits in a department, and nobody decides on their own request or on their own department's work.
 *
 * <p>The processes already offer these steps to the role only; the checks here are the endpoints' side of the same
 * rule, so an item reached by id (or held by someone through an old delegation) is still refused with 403.
 */
public final class DecisionPolicy {
    /** Deciding activity → the realm role that decides it. */
    static final Map<String, String> DECIDING_ROLE = Map.of(
            TaskAssignmentProcess.REVIEW_RETURN, Roles.SUPERVISOR,
            MilestoneReportingProcess.REVIEW_REPORT, Roles.SUPERVISOR,
            AdjustmentProcess.REVIEW_ADJUSTMENT, Roles.SUPERVISOR,
            AdjustmentProcess.APPROVE_ADJUSTMENT, Roles.ADMIN,
            EvaluationProcess.REVIEW_REPORT, Roles.SUPERVISOR);

    private DecisionPolicy() {
    }

    /** The role that decides this kind of item, if it is a deciding one. */
    public static Optional<String> decidingRole(String activityId) {
        return Optional.ofNullable(DECIDING_ROLE.get(activityId));
    }

    /** 403 unless the caller has the deciding role of this kind of item (other kinds pass). */
    public static void requireDecidingRole(CurrentUser user, String activityId) {
        decidingRole(activityId).filter(role -> !user.hasRole(role)).ifPresent(role -> {
            throw new DecisionRefusedException("Only the role '" + role + "' decides this item (" + activityId + ")");
        });
    }

    /** Separation of duties: the requester of an adjustment neither reviews nor approves it. */
    public static void requireNotRequester(String username, Object requestedBy) {
        if (username.equals(requestedBy)) {
            throw new DecisionRefusedException("You requested this adjustment; someone else has to decide it");
        }
    }

    /** Separation of duties: nobody approves or rejects a report of a task their own department leads. */
    public static void requireNotOwnDepartment(CurrentUser user, Object leadDepartmentCode) {
        if (leadDepartmentCode != null && user.departments().contains(leadDepartmentCode.toString())) {
            throw new DecisionRefusedException("Your department (" + leadDepartmentCode
                    + ") leads this task; someone outside it has to decide its report");
        }
    }
}
