package org.luoshi.workflow.workitem;

import org.luoshi.common.security.CurrentUser;

/**
 * Who may decide: a deciding step belongs to a role (the process offers it to {@code role:<role>}), never to whoever
 * sits in a department, and nobody decides on their own request or on their own department's work.
 *
 * <p>The processes already offer these steps to the role only; the checks here are the endpoints' side of the same
 * rule, so an item reached by id (or held by someone through an old delegation) is still refused with 403.
 */
public final class DecisionPolicy {
    private DecisionPolicy() {
    }

    /**
     * 403 unless the caller has the role that decides this kind of item (each context declares its deciding kinds and
     * their role, {@link CompletionEndpoints#decidingRoles}; {@link ItemKinds#requireDecidingRole} asks here).
     */
    static void requireRole(CurrentUser user, String role, String activityId) {
        if (!user.hasRole(role)) {
            throw new DecisionRefusedException("Only the role '" + role + "' decides this item (" + activityId + ")");
        }
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
