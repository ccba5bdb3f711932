package org.luoshi.task.tracking.domain;

import static org.luoshi.common.security.Roles.ADMIN;
import static org.luoshi.common.security.Roles.SERVICE;
import static org.luoshi.common.security.Roles.STAFF;
import static org.luoshi.common.security.Roles.SUPERVISOR;

import org.luoshi.task.plan.domain.PlanAccessPolicy;
import org.luoshi.task.shared.domain.Caller;

/**
 * Who may see and change which task (who may see a plan and do the supervising office's work: {@link PlanAccessPolicy}).
 * <ul>
 * <li>Staff see the tasks their department leads or co-operates on, and change (plan milestones of) only those
 * it leads.</li>
 * <li>Supervisors and admins see and change everything; evaluators see everything and change nothing; the
 * workflow engine's account records the outcome of process steps.</li>
 * </ul>
 */
public final class AccessPolicy {
    private AccessPolicy() {
    }

    /** A task of a draft plan is seen only by whoever sees draft plans; any other by the rule of departments. */
    public static boolean canSee(Caller caller, PlanTask task) {
        if (task.inDraftPlan() && !PlanAccessPolicy.canSeeDraftPlans(caller)) {
            return false;
        }
        return caller.seesAllDepartments()
                || (caller.has(STAFF) && caller.departments().stream().anyMatch(task::involves));
    }

    public static boolean canPlanMilestones(Caller caller, PlanTask task) {
        return PlanAccessPolicy.canAssign(caller)
                || (caller.has(STAFF) && task.leadDepartmentCode != null && caller.departments().contains(task.leadDepartmentCode));
    }

    /**
     * Why the caller may not move the milestone's date or remove it, or null if they may. A done milestone never
     * changes; once the workflow tracks it, its lead department goes through 动态调整 and only the supervising office
     * changes it directly. Before that, planning it is the department's.
     */
    public static String refusalToReschedule(Caller caller, Milestone milestone) {
        if (milestone.isDone()) {
            return MILESTONE_DONE;
        }
        if (milestone.isTracked() && !PlanAccessPolicy.canAssign(caller)) {
            return MILESTONE_TRACKED;
        }
        return null;
    }

    /** The stable codes of those refusals (409). */
    public static final String MILESTONE_DONE = "milestone-done";
    public static final String MILESTONE_TRACKED = "milestone-tracked";

    /** Evidence (佐证材料) comes from the departments doing the work, lead or co-operating, or the supervising office. */
    public static boolean canAddEvidence(Caller caller, PlanTask task) {
        return PlanAccessPolicy.canAssign(caller) || (caller.has(STAFF) && caller.departments().stream().anyMatch(task::involves));
    }

    /** Marking a milestone done follows an approved report: the supervisor's decision, or the engine recording it. */
    public static boolean canCompleteMilestones(Caller caller) {
        return caller.has(SUPERVISOR) || caller.has(ADMIN) || caller.has(SERVICE);
    }
}
