package org.luoshi.workflow.adjustment.application;

import static org.luoshi.workflow.adjustment.domain.AdjustmentProcess.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.workflow.adjustment.api.AdjustmentChange;
import org.luoshi.workflow.directory.DepartmentNames;
import org.luoshi.workflow.directory.PeopleNames;
import org.luoshi.workflow.shared.ProcessValues;
import org.luoshi.workflow.taskservice.TaskReads;
import org.luoshi.workflow.taskservice.TaskServiceUnavailableException;
import org.luoshi.workflow.taskservice.TaskView;
import org.luoshi.workflow.adjustment.domain.AdjustmentVariables;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.adjustment.api.AdjustmentItem;
import org.luoshi.workflow.adjustment.api.AdjustmentItemDone;
import org.luoshi.workflow.workitem.ReviewDecision;
import org.luoshi.workflow.workitem.ReviewForm;
import org.luoshi.workflow.workitem.DecisionPolicy;
import org.luoshi.workflow.workitem.EntitledTasks;
import org.luoshi.workflow.workitem.ItemKinds;
import org.luoshi.workflow.workitem.WorkItems;

/**
 * The items of 动态调整 — 督查室审核 (REVIEW, group supervision) and 领导审批 (APPROVAL, group role:admin) — as the
 * caller may see and decide them. Entitlement is the inbox's (read model: the caller's departments and roles, or
 * assignee); anything else answers 404. Deciding claims for the caller and completes in one transaction.
 */
@ApplicationScoped
public class AdjustmentItemService {
    private static final Logger LOG = Logger.getLogger(AdjustmentItemService.class);
    private static final String ITEM = "Adjustment item";

    @Inject
    TaskService taskService;

    @Inject
    EntitledTasks entitledTasks;

    @Inject
    ItemKinds itemKinds;

    @Inject
    RuntimeService runtimeService;

    @Inject
    WorkItems workItems;

    @Inject
    AdjustmentCheck adjustmentCheck;

    @Inject
    CurrentUser user;

    @Inject
    HistoryService historyService;

    @Inject
    TaskReads taskReads;

    @Inject
    DepartmentNames departments;

    @Inject
    PeopleNames people;

    public AdjustmentItem get(String id) {
        Task task = entitledTask(id);
        AdjustmentVariables v = AdjustmentVariables.of(runtimeService.getVariables(task.getProcessInstanceId())::get);
        HistoricProcessInstance started = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return new AdjustmentItem(id, kind(task.getTaskDefinitionKey()), task.getName(), task.getProcessInstanceId(),
                v.taskId(), v.taskTitle(), v.departmentCode(), v.reasonCategory(), v.justification(), v.newDueDate(),
                v.milestoneDueDates(), v.newLeadDepartmentCode(), v.newTitle(), v.requestedBy(), v.reviewedBy(),
                v.reviewComment(), departments.name(v.departmentCode()), departments.name(v.newLeadDepartmentCode()),
                people.name(v.requestedBy()), people.name(v.reviewedBy()),
                started == null || started.getStartTime() == null ? null : started.getStartTime().toInstant(),
                changes(v, currentTask(v.taskId())));
    }

    /** What the request changes, each beside the value it replaces (task-service's now), in the order of the form. */
    private List<AdjustmentChange> changes(AdjustmentVariables v, TaskView now) {
        List<AdjustmentChange> changes = new ArrayList<>();
        if (v.newDueDate() != null) {
            changes.add(new AdjustmentChange("DUE_DATE", null, null, now == null ? null : now.dueDate(), v.newDueDate()));
        }
        Map<String, String> milestoneDates = v.milestoneDueDates() == null ? Map.of() : v.milestoneDueDates();
        milestoneDates.entrySet().stream().sorted(Comparator.comparing(e -> ordinalOf(now, e.getKey()))).forEach(e -> {
            TaskView.Milestone milestone = milestoneOf(now, e.getKey());
            changes.add(new AdjustmentChange("MILESTONE_DUE_DATE", ProcessValues.asLong(e.getKey()),
                    milestone == null ? null : milestone.title(), milestone == null ? null : milestone.dueDate(),
                    e.getValue()));
        });
        if (v.newLeadDepartmentCode() != null) {
            changes.add(new AdjustmentChange("LEAD_DEPARTMENT", null, null,
                    departments.name(now == null ? v.departmentCode() : now.leadDepartmentCode()),
                    departments.name(v.newLeadDepartmentCode())));
        }
        if (v.newTitle() != null) {
            changes.add(new AdjustmentChange("TITLE", null, null, now == null ? v.taskTitle() : now.title(), v.newTitle()));
        }
        return changes;
    }

    /** The task as task-service holds it now, or null when it cannot be asked: the card then shows the new values alone. */
    private TaskView currentTask(Long taskId) {
        if (taskId == null) {
            return null;
        }
        try {
            return taskReads.read(taskId);
        } catch (TaskServiceUnavailableException | ResourceNotFoundException e) {
            LOG.warnf("Task %d could not be read for an adjustment's old values: %s", taskId, e.getMessage());
            return null;
        }
    }

    private static TaskView.Milestone milestoneOf(TaskView task, String milestoneId) {
        if (task == null || task.milestones() == null) {
            return null;
        }
        return task.milestones().stream().filter(m -> m.id() != null && m.id().toString().equals(milestoneId)).findFirst()
                .orElse(null);
    }

    private static int ordinalOf(TaskView task, String milestoneId) {
        TaskView.Milestone milestone = milestoneOf(task, milestoneId);
        return milestone == null || milestone.ordinal() == null ? Integer.MAX_VALUE : milestone.ordinal();
    }

    @Transactional
    public AdjustmentItemDone decide(String id, ReviewForm form) {
        return decide(entitledTasks.openToDecide(id, ITEM), form, user.username());
    }

    /**
     * Completes a REVIEW or APPROVAL item with the decision; the caller has checked entitlement. The bulk action uses
     * this too, so both set the same variables.
     */
    @Transactional
    public AdjustmentItemDone decide(Task task, ReviewForm form, String username) {
        String activity = task.getTaskDefinitionKey();
        if (!REVIEW_ADJUSTMENT.equals(activity) && !APPROVE_ADJUSTMENT.equals(activity)) {
            throw new ConflictException("Item " + task.getId() + " is not an item of 动态调整; " + itemKinds.howToComplete(activity));
        }
        itemKinds.requireDecidingRole(user, activity);
        AdjustmentVariables current = AdjustmentVariables.of(runtimeService.getVariables(task.getProcessInstanceId())::get);
        DecisionPolicy.requireNotRequester(username, current.requestedBy());
        boolean review = REVIEW_ADJUSTMENT.equals(activity);
        String decision = form.decision() == ReviewDecision.APPROVE ? DECISION_APPROVE : DECISION_REJECT;
        if (!review && DECISION_APPROVE.equals(decision)) {
            // the approval leads straight to applyAdjustment: what task-service would refuse now is answered now
            adjustmentCheck.check(AdjustmentCheck.body(current, current.reviewedBy(), username));
        }
        String comment = form.comment() == null || form.comment().isBlank() ? null : form.comment().strip();
        VariableMap variables = Variables.createVariables()
                .putValue(review ? VAR_REVIEW_DECISION : VAR_APPROVAL_DECISION, decision)
                .putValue(review ? VAR_REVIEW_COMMENT : VAR_APPROVAL_COMMENT, comment)
                .putValue(review ? VAR_REVIEWED_BY : VAR_APPROVED_BY, username);
        if (DECISION_REJECT.equals(decision)) {
            variables.putValue(VAR_REJECTION_COMMENT, comment).putValue(VAR_REJECTED_BY, username);
        }
        workItems.claimAndComplete(task.getId(), username, variables);
        LOG.infof("%s decided %s on %s (%s) of adjustment %s", username, decision, task.getId(), activity,
                task.getProcessInstanceId());
        return new AdjustmentItemDone(task.getId(), kind(activity), task.getProcessInstanceId(), username, decision);
    }

    private Task entitledTask(String id) {
        return entitledTasks.open(id, ITEM);
    }

    private static String kind(String activityId) {
        return REVIEW_ADJUSTMENT.equals(activityId) ? "REVIEW" : APPROVE_ADJUSTMENT.equals(activityId) ? "APPROVAL" : activityId;
    }
}
