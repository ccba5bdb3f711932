package org.luoshi.workflow.workitem;

/**
 * Process variables every process may set for its work items, which the inbox read model copies onto each item so
 * that lists can show and filter them without asking the engine.
 */
public final class WorkItemVariables {
    /** The plan task's id (task-service). */
    public static final String TASK_ID = "taskId";
    public static final String TASK_TITLE = "taskTitle";
    /** The plan section (the task's reference) the inbox filters by. */
    public static final String PLAN_SECTION = "planSection";
    /** Set by 节点填报与审核: which milestone an item reports on. */
    public static final String MILESTONE_TITLE = "milestoneTitle";
    /** The department an item is offered to; a co-department's item carries {@link #CO_DEPARTMENT_CODE} instead. */
    public static final String DEPARTMENT_CODE = "departmentCode";
    public static final String CO_DEPARTMENT_CODE = "coDepartmentCode";
    /**
     * Set by 节点填报与审核 instead of {@link #DEPARTMENT_CODE}: its items belong to the lead department (a copy under the
     * generic name would be one more runtime row, history row and delete per milestone); it wins over an older
     * instance's copy, which a change of lead did not always keep current.
     */
    public static final String LEAD_DEPARTMENT_CODE = "leadDepartmentCode";

    private WorkItemVariables() {
    }
}
