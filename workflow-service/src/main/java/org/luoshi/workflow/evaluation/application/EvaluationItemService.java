package org.luoshi.workflow.evaluation.application;

import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.*;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.shared.ServiceToken;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.workflow.shared.ProcessValues;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.evaluation.api.EvaluationDecision;
import org.luoshi.workflow.evaluation.api.EvaluationItem;
import org.luoshi.workflow.evaluation.api.EvaluationItemDone;
import org.luoshi.workflow.evaluation.api.EvaluationReviewForm;
import org.luoshi.workflow.evaluation.api.SelfAssessmentForm;
import org.luoshi.workflow.taskservice.EvaluationClient;

import org.luoshi.workflow.workitem.EntitledTasks;
import org.luoshi.workflow.workitem.ItemKinds;
import org.luoshi.workflow.taskservice.TaskServiceUnavailableException;
import org.luoshi.workflow.workitem.WorkItems;
import org.luoshi.workflow.evaluation.domain.EvaluationVariables;

/**
 * The items of 规划实施评估 — a department's 自评 (SELF_ASSESSMENT), the evaluator's submission (REPORT), the
 * supervising office's review (REVIEW) — as the caller may see and complete them. Entitlement is the inbox's
 * ({@link EntitledTasks}: the caller's departments, roles and, for evaluators, {@code org:<organisation>}); anything
 * else answers 404. Completing claims for the caller and completes in one transaction.
 */
@ApplicationScoped
public class EvaluationItemService {
    private static final Logger LOG = Logger.getLogger(EvaluationItemService.class);
    private static final String ITEM = "Evaluation item";

    @Inject
    TaskService taskService;

    @Inject
    RuntimeService runtimeService;

    @Inject
    ManagementService managementService;

    @Inject
    WorkItems workItems;

    @Inject
    EntitledTasks entitledTasks;

    @Inject
    ItemKinds itemKinds;

    @Inject
    EvaluationFacts facts;

    @Inject
    CurrentUser user;

    @Inject
    @RestClient
    EvaluationClient evaluations;

    public List<EvaluationItem> list(String processInstanceId) {
        return entitledTasks.openOfProcess(KEY, processInstanceId).stream().map(this::toItem).toList();
    }

    public EvaluationItem get(String id) {
        return toItem(entitledTasks.open(id, ITEM));
    }

    @Transactional
    public EvaluationItemDone submitSelfAssessment(String id, SelfAssessmentForm form) {
        Task task = entitled(id, SUBMIT_SELF_ASSESSMENT);
        Map<String, Object> selfAssessment = new LinkedHashMap<>();
        selfAssessment.put("summary", form.summary().strip());
        selfAssessment.put("achievements", form.achievements().strip());
        selfAssessment.put("problems", form.problems().strip());
        selfAssessment.put("nextSteps", form.nextSteps().strip());
        selfAssessment.put("submittedBy", user.username());
        selfAssessment.put("submittedAt", Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).toString());
        // the BPMN gives each department's instance an empty local selfAssessment: the completion fills that one
        complete(task, Variables.createVariables().putValue(VAR_SELF_ASSESSMENT, selfAssessment));
        return new EvaluationItemDone(id, "SELF_ASSESSMENT", task.getProcessInstanceId(), evaluationId(task), user.username(), null);
    }

    /**
     * The evaluator submits: refused (409) while a submitted 自评 is still on its way to task-service (it would
     * arrive after the evaluation left SELF_ASSESSMENT) and while task-service says the report is not current.
     */
    @Transactional
    public EvaluationItemDone submitReport(String id) {
        Task task = entitled(id, SUBMIT_REPORT);
        String pi = task.getProcessInstanceId();
        long pending = managementService.createJobQuery().processInstanceId(pi).activityId(RECORD_SELF_ASSESSMENT).count();
        if (pending > 0) {
            throw new ConflictException(pending + " submitted self-assessment(s) are still being recorded in task-service; "
                    + "submit again in a moment (or see GET /api/incidents?processInstanceId=" + pi + ")");
        }
        Long evaluationId = evaluationId(task);
        requireCurrentReports(evaluationId, "submit");
        Object round = runtimeService.getVariable(pi, VAR_SUBMISSION_ROUND);
        int next = (round instanceof Number n ? n.intValue() : 0) + 1;
        complete(task, Variables.createVariables().putValue(VAR_SUBMISSION_ROUND, next).putValue(VAR_SUBMITTED_BY, user.username()));
        return new EvaluationItemDone(id, "REPORT", pi, evaluationId, user.username(), null);
    }

    @Transactional
    public EvaluationItemDone review(String id, EvaluationReviewForm form) {
        Task task = entitled(id, REVIEW_REPORT);
        String decision = form.decision() == EvaluationDecision.APPROVE ? DECISION_APPROVE : DECISION_RETURN;
        if (DECISION_APPROVE.equals(decision)) {
            // the approval leads to publishEvaluation, which task-service refuses without the report files
            requireCurrentReports(evaluationId(task), "approve");
        }
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_REVIEW_DECISION, decision)
                .putValue(VAR_REVIEW_COMMENT, form.comment() == null || form.comment().isBlank() ? null : form.comment().strip())
                .putValue(VAR_REVIEWED_BY, user.username())
                .putValue(VAR_REVIEWED_AT, Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).toString());
        complete(task, variables);
        return new EvaluationItemDone(id, "REVIEW", task.getProcessInstanceId(), evaluationId(task), user.username(), decision);
    }

    /** 409 while task-service says the report files are missing or older than the inputs (it would refuse them). */
    private void requireCurrentReports(Long evaluationId, String then) {
        EvaluationClient.Evaluation evaluation = readEvaluation(evaluationId);
        if (evaluation != null && Boolean.FALSE.equals(evaluation.reportsCurrent())) {
            throw new ConflictException("The report of evaluation " + evaluationId + " is missing or older than the latest "
                    + "scores, findings or self-assessments: generate it (POST /api/evaluations/" + evaluationId
                    + "/reports in task-service), then " + then);
        }
    }

    private EvaluationClient.Evaluation readEvaluation(Long evaluationId) {
        try {
            return ServiceToken.withFreshTokenOn401("evaluation " + evaluationId, () -> evaluations.evaluation(evaluationId));
        } catch (WebApplicationException e) {
            throw new TaskServiceUnavailableException("task-service answered " + e.getResponse().getStatus()
                    + " for evaluation " + evaluationId, e);
        } catch (RuntimeException e) {
            throw new TaskServiceUnavailableException("task-service could not be asked for evaluation " + evaluationId, e);
        }
    }

    private void complete(Task task, VariableMap variables) {
        String username = user.username();
        workItems.claimAndComplete(task.getId(), username, variables);
        LOG.infof("%s completed %s (%s) of evaluation process %s", username, task.getId(), task.getTaskDefinitionKey(),
                task.getProcessInstanceId());
    }

    private Task entitled(String id, String expectedActivity) {
        Task task = entitledTasks.open(id, ITEM);
        if (!expectedActivity.equals(task.getTaskDefinitionKey())) {
            throw new ConflictException("Item " + id + " is a " + kind(task.getTaskDefinitionKey()) + " item, not a "
                    + kind(expectedActivity) + " item; " + itemKinds.howToComplete(task.getTaskDefinitionKey()));
        }
        return task;
    }

    private Long evaluationId(Task task) {
        return ProcessValues.asLong(runtimeService.getVariable(task.getProcessInstanceId(), VAR_EVALUATION_ID));
    }

    static String kind(String activityId) {
        return switch (activityId) {
            case SUBMIT_SELF_ASSESSMENT -> "SELF_ASSESSMENT";
            case SUBMIT_REPORT -> "REPORT";
            case REVIEW_REPORT -> "REVIEW";
            default -> activityId;
        };
    }

    private EvaluationItem toItem(Task task) {
        String pi = task.getProcessInstanceId();
        EvaluationFacts.Instance instance = new EvaluationFacts.Instance(pi, null, false, runtimeService.getVariables(pi));
        boolean selfAssessment = SUBMIT_SELF_ASSESSMENT.equals(task.getTaskDefinitionKey());
        // a department's 自评 item reads its own execution: the department and its refusal are local to it
        EvaluationVariables local = selfAssessment
                ? EvaluationVariables.of(runtimeService.getVariables(task.getExecutionId())::get) : null;
        String department = selfAssessment ? local.departmentCode() : null;
        org.camunda.bpm.engine.runtime.ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(pi)
                .singleResult();
        String businessKey = running == null ? null : running.getBusinessKey();
        EvaluationVariables v = EvaluationVariables.of(instance::get);
        return new EvaluationItem(task.getId(), kind(task.getTaskDefinitionKey()), task.getName(), pi, businessKey,
                v.evaluationId(), v.planId(), v.kind(), v.organisation(), v.periodFrom(), v.periodTo(), v.selfAssessmentDue(),
                department, task.getCreateTime() == null ? null : task.getCreateTime().toInstant(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), v.submissionRound(),
                selfAssessment ? List.of() : facts.selfAssessments(instance),
                selfAssessment ? null : EvaluationFacts.lastReturn(instance),
                switch (task.getTaskDefinitionKey()) {
                    case SUBMIT_SELF_ASSESSMENT -> local.selfAssessmentRefusal();
                    case SUBMIT_REPORT -> v.submissionRefusal();
                    case REVIEW_REPORT -> v.reviewRefusal();
                    default -> null;
                });
    }
}
