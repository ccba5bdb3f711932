package org.luoshi.task.domain;

import static org.luoshi.common.security.Roles.*;

/**
 * Who may see what. Staff see the tasks their department leads; plans in draft are the supervising
 * office's working material and are visible only to it and to admins.
 */
public final class AccessPolicy {
    private AccessPolicy() {
    }

    public static boolean canSee(Caller caller, PlanTask task) {
        return caller.seesAllDepartments()
                || (caller.has(STAFF) && task.leadDepartmentCode != null
                        && caller.departments().contains(task.leadDepartmentCode));
    }

    public static boolean canSee(Caller caller, Plan plan) {
        return plan.status != PlanStatus.DRAFT || canSeeDraftPlans(caller);
    }

    public static boolean canSeeDraftPlans(Caller caller) {
        return caller.has(SUPERVISOR) || caller.has(ADMIN) || caller.has(SERVICE);
    }
}
