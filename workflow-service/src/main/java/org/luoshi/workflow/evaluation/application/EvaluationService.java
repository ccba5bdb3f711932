package org.luoshi.workflow.evaluation.application;

import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.shared.ServiceToken;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.escalation.ChaseResult;
import org.luoshi.workflow.evaluation.api.EvaluationLaunch;
import org.luoshi.workflow.evaluation.api.EvaluationLaunched;
import org.luoshi.workflow.evaluation.api.EvaluationState;
import org.luoshi.workflow.evaluation.api.SelfAssessmentState;
import org.luoshi.workflow.taskservice.EvaluationClient;
import org.luoshi.workflow.evaluation.domain.EvaluationProcess;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.luoshi.workflow.taskservice.TaskServiceUnavailableException;
import org.luoshi.workflow.workitem.WorkItems;
import org.luoshi.workflow.taskservice.TaskServiceValidation;
import org.luoshi.workflow.evaluation.domain.EvaluationVariables;

/**
 * Launches 规划实施评估 (the supervisor), tells where an evaluation stands and chases missing self-assessments.
 * task-service is only read here (the organisation and the plan must exist); the evaluation itself is created by the
 * process's first, retried step.
 */
@ApplicationScoped
public class EvaluationService {
    private static final Logger LOG = Logger.getLogger(EvaluationService.class);
    private static final TimeBasedEpochGenerator UUIDS = Generators.timeBasedEpochGenerator();

    @Inject
    @RestClient
    EvaluationClient taskService;

    @Inject
    RuntimeService runtimeService;

    @Inject
    HistoryService historyService;

    @Inject
    WorkItems workItems;

    @Inject
    CurrentUser user;

    @Inject
    EvaluationFacts facts;

    @Inject
    EvaluationNotifications notifications;

    public EvaluationLaunched launch(EvaluationLaunch request) {
        LocalDate from = date("periodFrom", request.periodFrom());
        LocalDate to = date("periodTo", request.periodTo());
        LocalDate due = date("selfAssessmentDue", request.selfAssessmentDue());
        if (to.isBefore(from)) {
            throw new InvalidFieldException("periodTo", "must not be before periodFrom " + from, ViolationCodes.NOT_BEFORE,
                    Map.of("other", "periodFrom", "value", from.toString()));
        }
        List<EvaluationClient.Organisation> organisations = read("the evaluation organisations", taskService::organisations);
        if (organisations.stream().noneMatch(o -> request.organisation().equals(o.code()))) {
            throw new InvalidFieldException("organisation", "'" + request.organisation() + "' is not an evaluation organisation; known: "
                    + organisations.stream().map(EvaluationClient.Organisation::code).toList(), ViolationCodes.UNKNOWN,
                    Map.of("value", request.organisation()));
        }
        EvaluationClient.Plan plan;
        try {
            plan = ServiceToken.withFreshTokenOn401("plan " + request.planId(), () -> taskService.plan(request.planId()));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw new InvalidFieldException("planId", "there is no plan " + request.planId(), ViolationCodes.UNKNOWN,
                        Map.of("value", request.planId()));
            }
            throw new TaskServiceUnavailableException("task-service answered " + e.getResponse().getStatus() + " for plan "
                    + request.planId(), e);
        } catch (RuntimeException e) {
            throw new TaskServiceUnavailableException("task-service could not be asked for plan " + request.planId(), e);
        }
        // what createEvaluation would meet in task-service (a draft plan, a deadline in the past, …), refused now
        EvaluationClient.NewEvaluation evaluation = new EvaluationClient.NewEvaluation(request.planId(), request.kind(),
                from.toString(), to.toString(), request.organisation(), due.toString(), user.username());
        TaskServiceValidation.check("the evaluation", () -> taskService.validate(evaluation));
        String planTitle = plan == null || plan.title() == null ? "" : plan.title();
        String title = (planTitle.isBlank() ? "规划" : planTitle) + ("FINAL".equals(request.kind()) ? "末期评估" : "中期评估");
        String businessKey = BUSINESS_KEY_PREFIX + UUIDS.generate();
        VariableMap variables = Variables.createVariables()
                .putValue(VAR_PLAN_ID, request.planId())
                .putValue(VAR_KIND, request.kind())
                .putValue(VAR_PERIOD_FROM, from.toString())
                .putValue(VAR_PERIOD_TO, to.toString())
                .putValue(VAR_ORGANISATION, request.organisation())
                .putValue(VAR_SELF_ASSESSMENT_DUE, due.toString())
                .putValue(VAR_DUE_DATE, due.toString())
                .putValue(VAR_LAUNCHED_BY, user.username())
                .putValue(VAR_TASK_TITLE, title)
                .putValue(VAR_SUBMISSION_ROUND, 0)
                .putValue(VAR_LADDER_ARMED_AT, new Date(ClockUtil.getCurrentTime().getTime()));
        // as the caller: history records them as the instance's start user
        ProcessInstance instance = workItems.asUser(user.username(),
                () -> runtimeService.startProcessInstanceByKey(KEY, businessKey, variables));
        LOG.infof("%s launched %s (%s) of plan %d by %s: process %s", user.username(), request.kind(), title, request.planId(),
                request.organisation(), instance.getId());
        return new EvaluationLaunched(instance.getId(), businessKey, request.planId(), request.kind(), request.organisation());
    }

    public EvaluationState state(String processInstanceId) {
        EvaluationFacts.Instance instance = facts.readable(processInstanceId);
        List<String> steps = instance.ended() ? List.of() : activeSteps(processInstanceId);
        List<SelfAssessmentState> selfAssessments = facts.selfAssessments(instance);
        long incidents = instance.ended() ? 0 : runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count();
        EvaluationVariables v = EvaluationVariables.of(instance::get);
        return new EvaluationState(instance.id(), instance.businessKey(), instance.ended(), phase(instance, steps), steps,
                v.evaluationId(), v.planId(), v.kind(), v.organisation(), v.periodFrom(), v.periodTo(), v.selfAssessmentDue(),
                v.launchedBy(), selfAssessments.stream().anyMatch(SelfAssessmentState::open), selfAssessments,
                v.submissionRound(), EvaluationFacts.lastReturn(instance), incidents);
    }

    @Transactional
    public ChaseResult chase(String processInstanceId) {
        EvaluationFacts.Instance instance = facts.readable(processInstanceId);
        if (instance.ended()) {
            throw new ConflictException("Evaluation process " + processInstanceId + " has ended; there is nobody to chase");
        }
        ChaseResult result = notifications.chase(processInstanceId, instance.variables(), user.username(), Clock.systemUTC());
        LOG.infof("%s chased the self-assessments of %s: %s, refused %s", user.username(), processInstanceId, result.chased(),
                result.refused());
        return result;
    }

    private List<String> activeSteps(String processInstanceId) {
        try {
            return runtimeService.getActiveActivityIds(processInstanceId).stream().distinct().sorted().toList();
        } catch (org.camunda.bpm.engine.ProcessEngineException endedMeanwhile) {
            return List.of();
        }
    }

    /** The phase in task-service's words (EvaluationStatus), as far as the process knows it. */
    private String phase(EvaluationFacts.Instance instance, List<String> steps) {
        if (instance.ended()) {
            return historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.id())
                    .activityId(END_PUBLISHED).count() > 0 ? "PUBLISHED"
                    : historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.id())
                            .activityId(EvaluationProcess.END_NOT_LAUNCHED).count() > 0 ? "REFUSED" : "CANCELLED";
        }
        if (steps.contains(CREATE_EVALUATION) || instance.get(VAR_EVALUATION_ID) == null) {
            return "LAUNCHING";
        }
        if (steps.contains(PUBLISH)) {
            return "APPROVED";
        }
        if (steps.contains(RECORD_SUBMISSION) || steps.contains(REVIEW_REPORT) || steps.contains(RECORD_REVIEW)) {
            return "IN_REVIEW";
        }
        return EvaluationProcess.DECISION_RETURN.equals(instance.get(VAR_REVIEW_DECISION)) ? "RETURNED" : "SELF_ASSESSMENT";
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date yyyy-MM-dd, not '" + value + "'", ViolationCodes.FORMAT,
                    Map.of("expected", "yyyy-MM-dd"));
        }
    }

    private static <T> T read(String what, java.util.function.Supplier<T> call) {
        try {
            return ServiceToken.withFreshTokenOn401(what, call);
        } catch (WebApplicationException e) {
            throw new TaskServiceUnavailableException("task-service answered " + e.getResponse().getStatus() + " for " + what, e);
        } catch (RuntimeException e) {
            throw new TaskServiceUnavailableException("task-service could not be asked for " + what, e);
        }
    }
}
