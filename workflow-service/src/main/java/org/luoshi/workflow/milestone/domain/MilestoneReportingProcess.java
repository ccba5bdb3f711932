package org.luoshi.workflow.milestone.domain;

import java.util.List;

import org.luoshi.workflow.escalation.LadderContract;

/** Names used in bpmn/milestone-reporting.bpmn (节点填报与审核): the process key, activity ids and variables. */
public final class MilestoneReportingProcess {
    public static final String KEY = "milestone-reporting";
    public static final String MESSAGE_DATES_CHANGED = "milestone-dates-changed";

    public static final String CONTRIBUTE_SUB_REPORT = "contributeSubReport";
    public static final String RECORD_SUB_REPORT = "recordSubReport";
    public static final String SUBMIT_REPORT = "submitReport";
    public static final String RECORD_REPORT = "recordReport";
    public static final String REVIEW_REPORT = "reviewReport";
    public static final String RECORD_DECISION = "recordDecision";
    public static final String SUB_REPORT_REFUSED = "subReportRefused";
    public static final String RECORD_DECISION_REFUSED = "decisionRefused";
    public static final String END_APPROVED = "milestoneApproved";
    public static final String WAIT_REMINDER = LadderContract.WAIT_REMINDER;
    public static final String WAIT_URGING = LadderContract.WAIT_URGING;
    public static final String WAIT_SUPERVISION = LadderContract.WAIT_SUPERVISION;
    public static final String NOTIFY_REMINDER = LadderContract.NOTIFY_REMINDER;
    public static final String NOTIFY_URGING = LadderContract.NOTIFY_URGING;
    public static final String NOTIFY_SUPERVISION = LadderContract.NOTIFY_SUPERVISION;

    public static final String VAR_TASK_ID = "taskId";
    public static final String VAR_TASK_TITLE = "taskTitle";
    public static final String VAR_MILESTONE_ID = "milestoneId";
    public static final String VAR_MILESTONE_TITLE = "milestoneTitle";
    /** ISO date string yyyy-MM-dd. */
    public static final String VAR_DUE_DATE = LadderContract.VAR_DUE_DATE;
    public static final String VAR_LEAD_DEPARTMENT = org.luoshi.workflow.workitem.WorkItemVariables.LEAD_DEPARTMENT_CODE;
    /**
     * The lead department again, under the name the generic inbox reads: set by instances started before it was left
     * out (the inbox and the process view read {@link #VAR_LEAD_DEPARTMENT}); a change of lead keeps it current there.
     */
    public static final String VAR_DEPARTMENT_CODE = org.luoshi.workflow.workitem.WorkItemVariables.DEPARTMENT_CODE;
    /** Set only when the task has co-departments: the BPMN's split takes the co-departments' branch only then. */
    public static final String VAR_CO_DEPARTMENTS = "coDepartmentCodes";
    /** Element variable of the co-department multi-instance. */
    public static final String VAR_CO_DEPARTMENT = "coDepartmentCode";
    /** When the ladder was (re-)armed: rungs whose time lies before it are skipped. */
    public static final String VAR_LADDER_ARMED_AT = LadderContract.VAR_LADDER_ARMED_AT;
    public static final String VAR_MILESTONE_DUE_DATES = "milestoneDueDates";

    /** Sub-report fields, local to one co-department's multi-instance execution. */
    public static final String VAR_SUB_TEXT = "subText";
    public static final String VAR_SUB_PERCENT = "subPercent";
    public static final String VAR_SUB_EVIDENCE_IDS = "subEvidenceIds";
    public static final String VAR_SUB_SUBMITTED_BY = "subSubmittedBy";
    /** task-service's reason for refusing this co-department's last sub-report (subReportRefused); local as the above. */
    public static final String VAR_SUB_REPORT_REFUSAL = "subReportRefusal";
    /** Process-level list of the recorded SUB reports: maps {reportKey, departmentCode, submittedBy, text, percent}. */
    public static final String VAR_SUB_REPORTS = "subReports";

    public static final String VAR_REPORT_ROUND = "reportRound";
    /**
     * The lead's report key as instances started before h7-vars stored it; it is always {@link #leadReportKey} of the
     * instance and {@code reportRound}, which is what every reader uses now, so no new instance writes it.
     */
    public static final String VAR_REPORT_KEY = "reportKey";
    /** task-service's reason for refusing the last report sent (boundary event reportRefused); cleared by the next. */
    public static final String VAR_REPORT_REFUSAL = "reportRefusal";
    public static final String VAR_REPORT_TEXT = "reportText";
    public static final String VAR_REPORT_PERCENT = "reportPercent";
    public static final String VAR_REPORT_EVIDENCE_IDS = "reportEvidenceIds";
    public static final String VAR_REPORT_CONSOLIDATES = "reportConsolidates";
    public static final String VAR_REPORT_SUBMITTED_BY = "reportSubmittedBy";
    /** When the lead sent the report (ISO-8601 instant); absent on reports sent before it was recorded. */
    public static final String VAR_REPORT_SUBMITTED_AT = "reportSubmittedAt";
    /**
     * The report the supervising office rejected, with its rejection, kept when the lead reports again so the review
     * of the new report can compare: a map {reportKey, round, text, percent, evidenceIds, consolidates, submittedBy,
     * rejection: {comment, decidedBy, decidedOn}}.
     */
    public static final String VAR_PREVIOUS_REPORT = "previousReport";

    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";
    public static final String VAR_REVIEWED_BY = "reviewedBy";
    public static final String VAR_REVIEWED_ON = "reviewedOn";
    /** task-service's reason for refusing the last decision sent (boundary event decisionRefused); cleared by the next. */
    public static final String VAR_DECISION_REFUSAL = "decisionRefusal";

    /**
     * The variables whose history is read: the process view ({@code GET /api/processes/{id}}) shows the task, its
     * title, the department and the reviewer of an ended instance; {@code InboxBackfill} gives inbox rows without a
     * milestone title the ended instance's. Nothing reads the rest of a milestone instance's history (its steps, its
     * tasks, its other variables), so the engine does not write it ({@code engine.LeanHistoryLevel}).
     */
    public static final List<String> VARIABLES_IN_HISTORY = List.of(VAR_TASK_ID, VAR_TASK_TITLE, VAR_LEAD_DEPARTMENT,
            VAR_DEPARTMENT_CODE, VAR_REVIEWED_BY, VAR_MILESTONE_TITLE);

    public static final String DECISION_APPROVE = "APPROVE";
    public static final String DECISION_REJECT = "REJECT";

    public static final List<String> LADDER_TIMERS = LadderContract.TIMERS;

    private MilestoneReportingProcess() {
    }

    /**
     * The variables an instance starts with, the fewest the BPMN, the inbox and the ladder read: every one is a runtime
     * row and a history row, a list two more (its JSON bytes, twice), and a delete when the instance ends.
     * {@code coDepartmentCodes} and {@code subReports} are set only when there are co-departments (the split takes the
     * co-departments' branch only then; the {@code subReports} row is what concurrent sub-reports update, so it must
     * exist before them; without co-departments no sub-report is ever recorded; readers take a missing list as
     * empty); {@code reportRound} is set by the first report (absent = 0); the lead department is stored once, as
     * {@code leadDepartmentCode}, which the inbox reads for the lead's items.
     */
    public static java.util.Map<String, Object> startVariables(long taskId, String taskTitle, String planSection,
            long milestoneId, String milestoneTitle, String dueDate, String leadDepartmentCode,
            List<String> coDepartmentCodes, java.util.Date ladderArmedAt) {
        List<String> coDepartments = coDepartmentCodes == null ? List.of() : coDepartmentCodes;
        java.util.Map<String, Object> variables = new java.util.LinkedHashMap<>();
        variables.put(VAR_TASK_ID, taskId);
        variables.put(VAR_TASK_TITLE, taskTitle);
        variables.put(org.luoshi.workflow.workitem.WorkItemVariables.PLAN_SECTION, planSection);
        variables.put(VAR_MILESTONE_ID, milestoneId);
        variables.put(VAR_MILESTONE_TITLE, milestoneTitle);
        variables.put(VAR_DUE_DATE, dueDate);
        variables.put(VAR_LEAD_DEPARTMENT, leadDepartmentCode);
        if (!coDepartments.isEmpty()) {
            variables.put(VAR_CO_DEPARTMENTS, new java.util.ArrayList<>(coDepartments));
            variables.put(VAR_SUB_REPORTS, new java.util.ArrayList<>());
        }
        variables.put(VAR_LADDER_ARMED_AT, ladderArmedAt);
        return variables;
    }

    /** The key of the lead's report of a round in task-service: {@code <processInstanceId>:lead:<round>}. */
    public static String leadReportKey(String processInstanceId, int round) {
        return processInstanceId + ":lead:" + round;
    }

    /** Business key prefix of every instance tracking the milestone: {@code milestone-<id>-}. */
    public static String businessKeyPrefix(long milestoneId) {
        return "milestone-" + milestoneId + "-";
    }
}
