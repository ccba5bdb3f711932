package org.luoshi.workflow.milestone.application;

import static org.luoshi.workflow.milestone.domain.MilestoneReportingProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.directory.DepartmentNames;
import org.luoshi.workflow.directory.PeopleNames;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.workflow.shared.ProcessValues;
import org.luoshi.workflow.milestone.domain.MilestoneReportingVariables;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.milestone.api.MilestoneItem;
import org.luoshi.workflow.milestone.api.MilestoneItemDone;
import org.luoshi.workflow.milestone.api.ReportForm;
import org.luoshi.workflow.workitem.ReviewDecision;
import org.luoshi.workflow.workitem.ReviewForm;
import org.luoshi.workflow.taskservice.MilestoneClient;
import org.luoshi.workflow.milestone.api.SubReportForm;
import org.luoshi.workflow.workitem.DecisionPolicy;
import org.luoshi.workflow.workitem.EntitledTasks;
import org.luoshi.workflow.workitem.ItemKinds;
import org.luoshi.workflow.workitem.EagerJobs;
import org.luoshi.workflow.workitem.WorkItems;
import org.luoshi.workflow.taskservice.TaskServiceValidation;

/**
 * The items of 节点填报与审核 (sub-report, report, review) as the caller may see and complete them: offered to one of
 * the caller's departments or assigned to the caller; anything else is reported exactly like a missing item (404).
 * Completing claims for the caller and completes in one transaction, like the inbox.
 */
@ApplicationScoped
public class MilestoneItemService {
    private static final Logger LOG = Logger.getLogger(MilestoneItemService.class);
    private static final String ITEM = "Milestone item";

    @Inject
    TaskService taskService;

    @Inject
    EntitledTasks entitledTasks;

    @Inject
    RuntimeService runtimeService;

    @Inject
    WorkItems workItems;

    @Inject
    ItemKinds itemKinds;

    @Inject
    CurrentUser user;

    @Inject
    @RestClient
    MilestoneClient milestones;

    @Inject
    DepartmentNames departments;

    @Inject
    PeopleNames people;

    @ConfigProperty(name = "luoshi.workflow.ladder.zone", defaultValue = "Asia/Shanghai")
    ZoneId zone;

    public List<MilestoneItem> list(String processInstanceId) {
        return entitledTasks.openOfProcess(KEY, processInstanceId).stream().map(this::toItem).toList();
    }

    public MilestoneItem get(String id) {
        return toItem(entitledTask(id));
    }

    @Transactional
    public MilestoneItemDone submitSubReport(String id, SubReportForm form) {
        Task task = entitledTask(id, CONTRIBUTE_SUB_REPORT);
        // the co-department's own execution sees its local variables and the instance's
        Map<String, Object> visible = runtimeService.getVariables(task.getExecutionId());
        MilestoneReportingVariables typed = MilestoneReportingVariables.of(visible::get);
        String department = typed.coDepartmentCode();
        List<Long> evidenceIds = form.evidenceIds() == null ? List.of() : List.copyOf(form.evidenceIds());
        // what recordSubReport would meet in task-service (evidence of another milestone, …), refused now naming the field
        MilestoneClient.ReportRequest request = new MilestoneClient.ReportRequest("SUB", department, user.username(),
                form.text().strip(), form.percent(), evidenceIds, List.of());
        long milestoneId = typed.milestoneId();
        TaskServiceValidation.check("the sub-report", () -> milestones.validateReport(milestoneId, request));
        VariableMap local = Variables.createVariables()
                .putValue(VAR_SUB_TEXT, form.text().strip())
                .putValue(VAR_SUB_PERCENT, form.percent())
                .putValue(VAR_SUB_EVIDENCE_IDS, new ArrayList<>(evidenceIds))
                .putValue(VAR_SUB_SUBMITTED_BY, user.username());
        // local to this co-department's execution: the departments report in parallel
        runtimeService.setVariablesLocal(task.getExecutionId(), local);
        complete(task, Variables.createVariables());
        return new MilestoneItemDone(id, "SUB_REPORT", task.getProcessInstanceId(), user.username(),
                task.getProcessInstanceId() + ":sub:" + department, null);
    }

    /** The lead's report; {@code recording} holds back its recordReport job for the caller ({@link ReportSubmission}). */
    @Transactional
    public MilestoneItemDone submitReport(String id, ReportForm form, EagerJobs.Reservation recording) {
        Task task = entitledTask(id, SUBMIT_REPORT);
        String processInstanceId = task.getProcessInstanceId();
        List<String> consolidates = form.consolidates() == null ? List.of() : List.copyOf(form.consolidates());
        Map<String, Object> current = runtimeService.getVariables(processInstanceId, SUBMIT_READS);
        if (!consolidates.isEmpty()) {
            Set<String> recorded = subReports(runtimeService.getVariables(processInstanceId, List.of(VAR_SUB_REPORTS)))
                    .stream().map(r -> String.valueOf(r.get("reportKey"))).collect(Collectors.toSet());
            for (String key : consolidates) {
                if (!recorded.contains(key)) {
                    throw new InvalidFieldException("consolidates", "'" + key + "' is not a sub-report of this milestone; "
                            + "recorded: " + recorded);
                }
            }
        }
        MilestoneReportingVariables typed = MilestoneReportingVariables.of(current::get);
        List<Long> evidenceIds = form.evidenceIds() == null ? List.of() : List.copyOf(form.evidenceIds());
        // what recordReport would meet in task-service (evidence of another milestone, …), refused now naming the field
        MilestoneClient.ReportRequest request = new MilestoneClient.ReportRequest("LEAD",
                typed.leadDepartmentCode(), user.username(), form.text().strip(), form.percent(), evidenceIds,
                consolidates);
        long milestoneId = typed.milestoneId();
        TaskServiceValidation.check("the report", () -> milestones.validateReport(milestoneId, request));
        Object round = current.get(VAR_REPORT_ROUND);
        int next = (round instanceof Number n ? n.intValue() : 0) + 1;
        String reportKey = leadReportKey(processInstanceId, next);
        VariableMap variables = Variables.createVariables();
        if (DECISION_REJECT.equals(current.get(VAR_REVIEW_DECISION)) && round != null) {
            // the report variables are overwritten below: keep the rejected report for the next review to compare
            variables.putValue(VAR_PREVIOUS_REPORT, rejectedReport(processInstanceId, runtimeService.getVariables(processInstanceId)));
        }
        variables
                .putValue(VAR_REPORT_ROUND, next)
                .putValue(VAR_REPORT_TEXT, form.text().strip())
                .putValue(VAR_REPORT_PERCENT, form.percent())
                .putValue(VAR_REPORT_SUBMITTED_BY, user.username())
                .putValue(VAR_REPORT_SUBMITTED_AT, Instant.now().toString());
        putUnlessEmpty(variables, current, VAR_REPORT_EVIDENCE_IDS, new ArrayList<>(evidenceIds));
        putUnlessEmpty(variables, current, VAR_REPORT_CONSOLIDATES, new ArrayList<>(consolidates));
        putUnlessEmpty(variables, current, VAR_REPORT_REFUSAL, null);
        complete(task, variables, recording);
        return new MilestoneItemDone(id, "REPORT", processInstanceId, user.username(), reportKey, null);
    }

    /**
     * What a report reads before it is accepted: the JSON lists among the variables (sub-reports, the last report's
     * evidence and consolidated keys) each cost a byte array and a parse, so the sub-reports are read only to check
     * consolidated keys, and the last report's lists only to learn whether there is one to replace.
     */
    private static final List<String> SUBMIT_READS = List.of(VAR_MILESTONE_ID, VAR_LEAD_DEPARTMENT, VAR_REPORT_ROUND,
            VAR_REVIEW_DECISION, VAR_REPORT_REFUSAL, VAR_REPORT_EVIDENCE_IDS, VAR_REPORT_CONSOLIDATES);

    /** What a review reads: who leads (separation of duties), the report's key, and whether a comment is there to replace. */
    private static final List<String> REVIEW_READS = List.of(VAR_LEAD_DEPARTMENT, VAR_REPORT_ROUND, VAR_REPORT_KEY,
            VAR_REVIEW_COMMENT);

    /**
     * Puts a value that says something (not null, not an empty list), or one that replaces an earlier value. A variable
     * that says nothing is not created: each costs a runtime and a history row (a list also a byte array for each),
     * deleted or updated again when the instance ends; its readers take a missing one as null or an empty list.
     */
    private static void putUnlessEmpty(VariableMap variables, Map<String, Object> current, String name, Object value) {
        boolean empty = value == null || value instanceof java.util.Collection<?> c && c.isEmpty();
        if (!empty || current.containsKey(name)) {
            variables.putValue(name, value);
        }
    }

    /** The report the last review rejected, with that rejection (see {@code previousReport}). */
    private static Map<String, Object> rejectedReport(String processInstanceId, Map<String, Object> v) {
        Map<String, Object> report = reportOf(processInstanceId, v);
        report.put("rejection", rejectionOf(v, MilestoneReportingVariables.of(v::get).leadReportKey(processInstanceId)));
        return report;
    }

    private static Map<String, Object> reportOf(String processInstanceId, Map<String, Object> v) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reportKey", MilestoneReportingVariables.of(v::get).leadReportKey(processInstanceId));
        report.put("round", v.get(VAR_REPORT_ROUND));
        report.put("submittedBy", v.get(VAR_REPORT_SUBMITTED_BY));
        report.put("submittedAt", v.get(VAR_REPORT_SUBMITTED_AT));
        report.put("text", v.get(VAR_REPORT_TEXT));
        report.put("percent", v.get(VAR_REPORT_PERCENT));
        // not set when the report cited none
        report.put("evidenceIds", ProcessValues.longs(v.get(VAR_REPORT_EVIDENCE_IDS)));
        report.put("consolidates", ProcessValues.strings(v.get(VAR_REPORT_CONSOLIDATES)));
        return report;
    }

    private static Map<String, Object> rejectionOf(Map<String, Object> v, String reportKey) {
        Map<String, Object> rejection = new LinkedHashMap<>();
        rejection.put("reportKey", reportKey);
        rejection.put("comment", v.get(VAR_REVIEW_COMMENT));
        rejection.put("decidedBy", v.get(VAR_REVIEWED_BY));
        rejection.put("decidedOn", v.get(VAR_REVIEWED_ON));
        return rejection;
    }

    @Transactional
    public MilestoneItemDone review(String id, ReviewForm form) {
        return review(entitledTasks.openToDecide(id, ITEM), form);
    }

    /**
     * Completes a review item (督查室审核) with the decision; the caller has checked entitlement. The inbox's bulk
     * APPROVE / REJECT uses this too, so both set the same variables and lead to the same recordDecision job.
     */
    @Transactional
    public MilestoneItemDone review(Task task, ReviewForm form) {
        if (!REVIEW_REPORT.equals(task.getTaskDefinitionKey())) {
            throw new ConflictException("Item " + task.getId() + " is a " + kind(task.getTaskDefinitionKey())
                    + " item, not a REVIEW item");
        }
        itemKinds.requireDecidingRole(user, REVIEW_REPORT);
        Map<String, Object> current = runtimeService.getVariables(task.getProcessInstanceId(), REVIEW_READS);
        MilestoneReportingVariables typed = MilestoneReportingVariables.of(current::get);
        DecisionPolicy.requireNotOwnDepartment(user, typed.leadDepartmentCode());
        String decision = form.decision() == ReviewDecision.APPROVE ? DECISION_APPROVE : DECISION_REJECT;
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_REVIEW_DECISION, decision)
                .putValue(VAR_REVIEWED_BY, user.username())
                .putValue(VAR_REVIEWED_ON, LocalDate.now(zone).toString());
        putUnlessEmpty(variables, current, VAR_REVIEW_COMMENT, form.comment() == null ? null : form.comment().strip());
        String reportKey = typed.leadReportKey(task.getProcessInstanceId());
        complete(task, variables);
        return new MilestoneItemDone(task.getId(), "REVIEW", task.getProcessInstanceId(), user.username(), reportKey, decision);
    }

    private void complete(Task task, VariableMap variables) {
        complete(task, variables, null);
    }

    private void complete(Task task, VariableMap variables, EagerJobs.Reservation reservation) {
        String username = user.username();
        workItems.claimAndComplete(task.getId(), username, variables, reservation);
        LOG.infof("%s completed %s (%s) of process %s", username, task.getId(), task.getTaskDefinitionKey(),
                task.getProcessInstanceId());
    }

    private Task entitledTask(String id) {
        return entitledTasks.open(id, ITEM);
    }

    private Task entitledTask(String id, String expectedActivity) {
        Task task = entitledTask(id);
        if (!expectedActivity.equals(task.getTaskDefinitionKey())) {
            throw new ConflictException("Item " + id + " is a " + kind(task.getTaskDefinitionKey()) + " item, not a "
                    + kind(expectedActivity) + " item");
        }
        return task;
    }

    private static String kind(String activityId) {
        return switch (activityId) {
            case CONTRIBUTE_SUB_REPORT -> "SUB_REPORT";
            case SUBMIT_REPORT -> "REPORT";
            case REVIEW_REPORT -> "REVIEW";
            default -> activityId;
        };
    }

    /** The sub-reports among an instance's variables (read once per request, with the others). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> subReports(Map<String, Object> variables) {
        Object value = variables.get(VAR_SUB_REPORTS);
        List<Map<String, Object>> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(entry -> result.add((Map<String, Object>) entry));
        }
        return result;
    }

    private MilestoneItem toItem(Task task) {
        String pi = task.getProcessInstanceId();
        Map<String, Object> v = runtimeService.getVariables(pi);
        MilestoneReportingVariables typed = MilestoneReportingVariables.of(v::get);
        String department = task.getTaskDefinitionKey().equals(CONTRIBUTE_SUB_REPORT)
                ? ProcessValues.asString(runtimeService.getVariable(task.getExecutionId(), VAR_CO_DEPARTMENT))
                : candidateGroup(task.getId());
        boolean reviewing = task.getTaskDefinitionKey().equals(REVIEW_REPORT);
        Map<String, Object> report = reviewing ? named(reportOf(pi, v)) : null;
        if (report != null && report.get("submittedAt") == null && task.getCreateTime() != null) {
            // a report sent before its time was recorded: its review item was opened as it was sent
            report.put("submittedAt", task.getCreateTime().toInstant().toString());
        }
        Map<String, Object> previousReport = reviewing ? named(previousReport(v)) : null;
        Map<String, Object> lastRejection = null;
        if (DECISION_REJECT.equals(v.get(VAR_REVIEW_DECISION))) {
            // under review, the report variables already hold the new report: the rejected one is the round before
            String rejectedKey = typed.leadReportKey(pi);
            if (reviewing && v.get(VAR_REPORT_ROUND) instanceof Number round) {
                rejectedKey = leadReportKey(pi, round.intValue() - 1);
            }
            lastRejection = named(rejectionOf(v, rejectedKey));
        }
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult();
        return new MilestoneItem(task.getId(), kind(task.getTaskDefinitionKey()), task.getName(), pi,
                instance == null ? null : instance.getBusinessKey(), typed.taskId(), typed.taskTitle(), typed.milestoneId(),
                typed.milestoneTitle(), typed.dueDate(), department,
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getTaskDefinitionKey().equals(CONTRIBUTE_SUB_REPORT) ? List.of()
                        : subReports(v).stream().map(this::named).toList(), report, lastRejection,
                previousReport, refusal(task, typed),
                departments.name(department), typed.leadDepartmentCode(), departments.name(typed.leadDepartmentCode()));
    }

    /** Why task-service refused what this item last sent (its boundary event *Refused), or null. */
    private String refusal(Task task, MilestoneReportingVariables typed) {
        return switch (task.getTaskDefinitionKey()) {
            case SUBMIT_REPORT -> typed.reportRefusal();
            case REVIEW_REPORT -> typed.decisionRefusal();
            // local to the co-department's execution, as its sub-report fields
            case CONTRIBUTE_SUB_REPORT -> MilestoneReportingVariables
                    .of(runtimeService.getVariables(task.getExecutionId())::get).subReportRefusal();
            default -> null;
        };
    }

    /**
     * A copy of a report, sub-report or rejection with the names people read beside the codes: {@code submittedByName},
     * {@code decidedByName}, {@code departmentName}, and those of a nested {@code rejection}.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> named(Map<String, Object> values) {
        if (values == null) {
            return null;
        }
        Map<String, Object> copy = new LinkedHashMap<>(values);
        if (copy.get("submittedBy") instanceof String by) {
            copy.put("submittedByName", people.name(by));
        }
        if (copy.get("decidedBy") instanceof String by) {
            copy.put("decidedByName", people.name(by));
        }
        if (copy.get("departmentCode") instanceof String code) {
            copy.put("departmentName", departments.name(code));
        }
        if (copy.get("rejection") instanceof Map<?, ?> rejection) {
            copy.put("rejection", named((Map<String, Object>) rejection));
        }
        return copy;
    }

    /** The rejected report this one replaces, if the lead reported again after a rejection (null for a first report). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> previousReport(Map<String, Object> v) {
        return v.get(VAR_PREVIOUS_REPORT) instanceof Map<?, ?> previous && DECISION_REJECT.equals(v.get(VAR_REVIEW_DECISION))
                ? (Map<String, Object>) previous : null;
    }

    private String candidateGroup(String taskId) {
        for (IdentityLink link : taskService.getIdentityLinksForTask(taskId)) {
            if (link.getGroupId() != null) {
                return link.getGroupId();
            }
        }
        return null;
    }
}
