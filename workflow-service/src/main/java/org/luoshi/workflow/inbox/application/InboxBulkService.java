package org.luoshi.workflow.inbox.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.common.problem.Problem;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.inbox.api.BulkAction;
import org.luoshi.workflow.inbox.api.BulkItemResult;
import org.luoshi.workflow.inbox.api.BulkRequest;
import org.luoshi.workflow.inbox.api.InboxItem;
import org.camunda.bpm.engine.task.Task;
import org.luoshi.workflow.workitem.ReviewDecision;
import org.luoshi.workflow.workitem.ReviewForm;
import org.luoshi.workflow.adjustment.domain.AdjustmentProcess;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.assignment.domain.TaskAssignmentProcess;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.luoshi.workflow.adjustment.application.AdjustmentItemService;
import org.luoshi.workflow.milestone.application.MilestoneItemService;
import org.luoshi.workflow.workitem.DecisionRefusedException;
import org.luoshi.workflow.workitem.ItemKinds;
import org.luoshi.workflow.workitem.WorkItems;

/**
 * A supervisor's action on many items. Each item runs in its own transaction and fails on its own: one item that is
 * missing, not the caller's, of the wrong kind or already done does not undo the others.
 */
@ApplicationScoped
public class InboxBulkService {
    private static final Logger LOG = Logger.getLogger(InboxBulkService.class);
    private static final String ITEM = "Inbox item";
    private static final String TYPE_BASE = "https://luoshi.org/problems/";

    /** The activity id of the review task of milestone reports (process milestone-reporting). */
    public static final String REVIEW_REPORT = MilestoneReportingProcess.REVIEW_REPORT;

    /** Which kinds of task each action applies to. */
    static final Map<BulkAction, Set<String>> APPLIES_TO = Map.of(
            BulkAction.APPROVE, Set.of(REVIEW_REPORT, AdjustmentProcess.REVIEW_ADJUSTMENT, AdjustmentProcess.APPROVE_ADJUSTMENT),
            BulkAction.REJECT, Set.of(REVIEW_REPORT, AdjustmentProcess.REVIEW_ADJUSTMENT, AdjustmentProcess.APPROVE_ADJUSTMENT),
            BulkAction.REASSIGN, Set.of(TaskAssignmentProcess.REVIEW_RETURN));

    @Inject
    TaskService taskService;

    @Inject
    WorkItems workItems;

    @Inject
    ItemKinds itemKinds;

    @Inject
    InboxQueries queries;

    @Inject
    CurrentUser user;

    @Inject
    MilestoneItemService milestoneItems;

    @Inject
    AdjustmentItemService adjustmentItems;

    public List<BulkItemResult> apply(BulkRequest request) {
        if (request.action() == BulkAction.REASSIGN && (request.toDepartment() == null || request.toDepartment().isBlank())) {
            throw new InvalidFieldException("toDepartment", "is required when the action is REASSIGN",
                    ViolationCodes.REQUIRED);
        }
        if (request.action() == BulkAction.REJECT && (request.comment() == null || request.comment().isBlank())) {
            throw new InvalidFieldException("comment", "is required when the action is REJECT", ViolationCodes.REQUIRED);
        }
        InboxQueries.Caller caller = InboxEntitlement.of(user);
        List<BulkItemResult> results = new ArrayList<>();
        for (String id : request.itemIds().stream().distinct().toList()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyOne(id, request, caller));
                results.add(new BulkItemResult(id, true, 200, null));
            } catch (RuntimeException e) {
                results.add(new BulkItemResult(id, false, 0, problem(unwrap(e))).withStatusOfProblem());
            }
        }
        LOG.infof("%s applied %s to %d items: %d ok", caller.username(), request.action(), results.size(),
                results.stream().filter(BulkItemResult::ok).count());
        return results;
    }

    private void applyOne(String id, BulkRequest request, InboxQueries.Caller caller) {
        InboxQueries.Stored stored = queries.findEverEntitled(id, caller)
                .orElseThrow(() -> new ResourceNotFoundException(ITEM, id));
        InboxItem item = stored.item();
        if (!"OPEN".equals(stored.status())) {
            throw new ConflictException("The item is already " + stored.status().toLowerCase());
        }
        if (!APPLIES_TO.get(request.action()).contains(item.activityId())) {
            throw new ConflictException(request.action() + " does not apply to " + item.name() + " (" + item.activityId()
                    + ")");
        }
        itemKinds.requireDecidingRole(user, item.activityId());
        if (item.assignee() != null && !item.assignee().equals(caller.username())) {
            throw new ConflictException("The item is held by " + item.assignee());
        }
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        if (request.action() == BulkAction.APPROVE || request.action() == BulkAction.REJECT) {
            // exactly what the per-kind endpoints do: same variables, same validation, same follow-up jobs
            Task task = workItems.activeTask(id);
            if (task == null) {
                throw new ConflictException("The item is no longer open");
            }
            ReviewForm form = new ReviewForm(request.action() == BulkAction.APPROVE ? ReviewDecision.APPROVE
                    : ReviewDecision.REJECT, comment);
            if (comment != null) {
                workItems.asUser(caller.username(), () -> taskService.createComment(id, item.processInstanceId(), comment));
            }
            if (REVIEW_REPORT.equals(item.activityId())) {
                milestoneItems.review(task, form);
            } else {
                adjustmentItems.decide(task, form, caller.username());
            }
            return;
        }
        VariableMap variables = Variables.createVariables()
                .putValue(TaskAssignmentProcess.VAR_RETURN_DECISION, TaskAssignmentProcess.DECISION_REASSIGN)
                .putValue(TaskAssignmentProcess.VAR_DEPARTMENT_CODE, request.toDepartment())
                .putValue(TaskAssignmentProcess.VAR_RETURN_NOTE, comment)
                .putValue(TaskAssignmentProcess.VAR_REVIEWED_BY, caller.username());
        workItems.asUser(caller.username(), () -> {
            if (item.assignee() == null) {
                taskService.claim(id, caller.username());
            }
            if (comment != null) {
                taskService.createComment(id, item.processInstanceId(), comment);
            }
            taskService.complete(id, variables);
        });
    }

    private static Throwable unwrap(RuntimeException e) {
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof ResourceNotFoundException || cause instanceof ConflictException
                || cause instanceof InvalidFieldException || cause instanceof ConstraintViolationException
                || cause instanceof DecisionRefusedException)) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Problem problem(Throwable e) {
        if (e instanceof ResourceNotFoundException) {
            return new Problem(TYPE_BASE + "not-found", "Not found", 404, e.getMessage(), null, null);
        }
        if (e instanceof DecisionRefusedException) {
            return new Problem(TYPE_BASE + "decision-refused", "Not yours to decide", 403, e.getMessage(), null, null);
        }
        if (e instanceof ConflictException) {
            return new Problem(TYPE_BASE + "conflict", "Conflict", 409, e.getMessage(), null, null);
        }
        if (e instanceof InvalidFieldException invalid) {
            return new Problem(TYPE_BASE + "validation", "Invalid request", 400, invalid.field() + ": " + e.getMessage(), null,
                    List.of(invalid.toFieldError()));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Bulk item failed unexpectedly, error id %s", errorId);
        return new Problem(TYPE_BASE + "internal", "Internal error", 500,
                "The item could not be completed; quote error id " + errorId + " to the administrator", null, null);
    }
}
