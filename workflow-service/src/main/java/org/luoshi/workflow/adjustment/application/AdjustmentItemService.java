package org.luoshi.workflow.adjustment.application;

import static org.luoshi.workflow.adjustment.domain.AdjustmentProcess.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
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

    public AdjustmentItem get(String id) {
        Task task = entitledTask(id);
        AdjustmentVariables v = AdjustmentVariables.of(runtimeService.getVariables(task.getProcessInstanceId())::get);
        return new AdjustmentItem(id, kind(task.getTaskDefinitionKey()), task.getName(), task.getProcessInstanceId(),
                v.taskId(), v.taskTitle(), v.departmentCode(), v.reasonCategory(), v.justification(), v.newDueDate(),
                v.milestoneDueDates(), v.newLeadDepartmentCode(), v.newTitle(), v.requestedBy(), v.reviewedBy(),
                v.reviewComment());
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
