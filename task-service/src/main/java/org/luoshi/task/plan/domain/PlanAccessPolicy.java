package org.luoshi.task.plan.domain;

import static org.luoshi.common.security.Roles.ADMIN;
import static org.luoshi.common.security.Roles.SERVICE;
import static org.luoshi.common.security.Roles.SUPERVISOR;

import org.luoshi.task.shared.domain.Caller;

/**
 * Who may see a plan, and whose work planning is. Plans in draft are the supervising office's working material: only
 * it, admins and the engine see them. Who may see and change a task: {@code tracking.domain.AccessPolicy}.
 */
public final class PlanAccessPolicy {
    private PlanAccessPolicy() {
    }

    public static boolean canSee(Caller caller, Plan plan) {
        return plan.status != PlanStatus.DRAFT || canSeeDraftPlans(caller);
    }

    public static boolean canSeeDraftPlans(Caller caller) {
        return caller.has(SUPERVISOR) || caller.has(ADMIN) || caller.has(SERVICE);
    }

    /** Assigning departments and due dates, confirming and importing plans: the supervising office's work. */
    public static boolean canAssign(Caller caller) {
        return caller.has(SUPERVISOR) || caller.has(ADMIN);
    }
}
