package org.luoshi.workflow.proposal.application;

import static org.luoshi.workflow.proposal.domain.ProposalProcess.*;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.adjustment.api.AdjustmentRequest;
import org.luoshi.workflow.adjustment.api.AdjustmentStarted;
import org.luoshi.workflow.adjustment.application.AdjustmentService;
import org.luoshi.workflow.proposal.api.ProposalDecisionForm;
import org.luoshi.workflow.proposal.api.ProposalItem;
import org.luoshi.workflow.proposal.api.ProposalItemDone;
import org.luoshi.workflow.proposal.domain.ProposalVariables;
import org.luoshi.workflow.taskservice.ProposalClient;
import org.luoshi.workflow.taskservice.ServiceCalls;
import org.luoshi.workflow.taskservice.TaskServiceValidation;
import org.luoshi.workflow.workitem.EntitledTasks;
import org.luoshi.workflow.workitem.WorkItems;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The 调整建议 items of the supervising office, and their one way to be decided: task-service is asked first whether
 * it would record the decision (a decided proposal closes its item and answers 409); ADJUST starts the 动态调整 as the
 * caller, prefilled with the finding, and completes the item in the same transaction; the process then records the
 * decision in task-service.
 */
@ApplicationScoped
public class ProposalItemService {
    private static final Logger LOG = Logger.getLogger(ProposalItemService.class);
    private static final String ITEM = "Proposal item";

    @Inject
    EntitledTasks entitledTasks;

    @Inject
    RuntimeService runtimeService;

    @Inject
    WorkItems workItems;

    @Inject
    AdjustmentService adjustments;

    @Inject
    ProposalItems proposalItems;

    @Inject
    @RestClient
    ProposalClient proposals;

    @Inject
    CurrentUser user;

    public List<ProposalItem> list() {
        return entitledTasks.openOfProcess(KEY, null).stream().map(this::toItem).toList();
    }

    public ProposalItem get(String id) {
        return toItem(entitledTasks.open(id, ITEM));
    }

    @Transactional
    public ProposalItemDone decide(String id, ProposalDecisionForm form) {
        Task task = entitledTasks.openToDecide(id, ITEM);
        ProposalVariables v = ProposalVariables.of(runtimeService.getVariables(task.getProcessInstanceId())::get);
        boolean adjust = ProposalDecisionForm.ADJUST.equals(form.decision());
        String reason = blank(form.reason()) ? null : form.reason().strip();
        if (!adjust && reason == null) {
            throw new InvalidFieldException("reason", "say why no adjustment follows", ViolationCodes.REQUIRED);
        }
        if (adjust && form.adjustment() == null) {
            throw new InvalidFieldException("adjustment", "the 动态调整 to start is required", ViolationCodes.REQUIRED);
        }
        Long taskId = adjust ? (form.adjustment().taskId() != null ? form.adjustment().taskId() : v.taskId()) : null;
        if (adjust && taskId == null) {
            throw new InvalidFieldException("adjustment.taskId", "the proposal names no task: name the task adjusted",
                    ViolationCodes.REQUIRED);
        }
        check(v.proposalId(), new ProposalClient.Decision(form.decision(), null, taskId, reason, user.username()));
        String adjustmentProcessId = null;
        if (adjust) {
            ProposalDecisionForm.Adjustment a = form.adjustment();
            String justification = blank(a.justification()) ? v.justification() : a.justification();
            AdjustmentStarted started = adjustments.request(new AdjustmentRequest(taskId, a.reasonCategory(), justification,
                    a.newDueDate(), a.milestoneDueDates(), a.newLeadDepartmentCode(), a.newTitle()));
            adjustmentProcessId = started.processInstanceId();
        }
        int round = (v.decisionRound() == null ? 0 : v.decisionRound()) + 1;
        workItems.claimAndComplete(task.getId(), user.username(), Variables.createVariables()
                .putValue(VAR_DECISION, form.decision())
                .putValue(VAR_REASON, reason)
                .putValue(VAR_DECIDED_BY, user.username())
                .putValue(VAR_ADJUSTMENT_PROCESS_ID, adjustmentProcessId)
                .putValue(VAR_ADJUSTED_TASK_ID, taskId)
                .putValue(VAR_DECISION_ROUND, round));
        LOG.infof("%s decided proposal %d: %s%s", user.username(), v.proposalId(), form.decision(),
                adjustmentProcessId == null ? "" : " (动态调整 " + adjustmentProcessId + ")");
        return new ProposalItemDone(id, task.getProcessInstanceId(), v.proposalId(), form.decision(), user.username(),
                adjustmentProcessId);
    }

    /**
     * task-service's check of the decision (400 naming the field, 409 when it would refuse). A proposal decided
     * already has its item closed, in a transaction of its own, before the 409 is answered.
     */
    private void check(long proposalId, ProposalClient.Decision decision) {
        try {
            TaskServiceValidation.check("the decision on proposal " + proposalId, () -> proposals.validate(proposalId, decision));
        } catch (ConflictException refused) {
            ProposalClient.Proposal now = ServiceCalls.call("proposal " + proposalId, () -> proposals.proposal(proposalId));
            if (!now.open()) {
                QuarkusTransaction.requiringNew().run(() -> proposalItems.closeDecidedElsewhere(proposalId));
                LOG.infof("proposal %d was decided already (%s by %s): its item is closed", proposalId, now.status(),
                        now.decidedBy());
            }
            throw refused;
        }
    }

    private ProposalItem toItem(Task task) {
        ProposalVariables v = ProposalVariables.of(runtimeService.getVariables(task.getProcessInstanceId())::get);
        String businessKey = runtimeService.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId())
                .singleResult().getBusinessKey();
        return new ProposalItem(task.getId(), task.getName(), task.getProcessInstanceId(), businessKey, v.proposalId(),
                v.evaluationId(), v.planId(), v.evaluationKind(), v.findingOrdinal(), v.finding(), v.justification(),
                v.ground(), v.taskId(), v.taskId() == null ? null : v.taskTitle(), v.planSection(), v.indicatorId(),
                v.indicatorName(), task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                v.adjustmentProcessId(), v.decisionRefusal());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
