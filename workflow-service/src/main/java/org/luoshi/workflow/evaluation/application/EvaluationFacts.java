package org.luoshi.workflow.evaluation.application;

import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.evaluation.api.EvaluationReturn;
import org.luoshi.workflow.evaluation.api.SelfAssessmentState;
import org.luoshi.workflow.evaluation.domain.EvaluationProcess;
import org.luoshi.workflow.evaluation.domain.EvaluationVariables;
import org.luoshi.workflow.shared.ProcessValues;

/**
 * What an evaluation instance knows, running or ended (then from history), and who may read it: supervisors and
 * admins any, an evaluator only those of their organisation; anything else is 404, like an unknown id.
 */
@ApplicationScoped
class EvaluationFacts {
    private static final String NAME = "Evaluation process";

    @Inject
    RuntimeService runtimeService;

    @Inject
    HistoryService historyService;

    @Inject
    OpenSelfAssessments openSelfAssessments;

    @Inject
    CurrentUser user;

    /** An instance of plan-evaluation: its business key, whether it ended, its process-level variables. */
    record Instance(String id, String businessKey, boolean ended, Map<String, Object> variables) {
        Object get(String name) {
            return variables.get(name);
        }
    }

    Instance readable(String processInstanceId) {
        Instance instance = find(processInstanceId);
        if (instance == null || !mayRead(instance)) {
            throw new ResourceNotFoundException(NAME, processInstanceId);
        }
        return instance;
    }

    boolean mayRead(Instance instance) {
        if (user.hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)) {
            return true;
        }
        return user.hasRole(Roles.EVALUATOR) && user.organisation().isPresent()
                && user.organisation().get().equals(instance.get(VAR_ORGANISATION));
    }

    private Instance find(String processInstanceId) {
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .processDefinitionKey(KEY).singleResult();
        if (running != null) {
            try {
                return new Instance(running.getId(), running.getBusinessKey(), false, runtimeService.getVariables(running.getId()));
            } catch (org.camunda.bpm.engine.ProcessEngineException endedMeanwhile) {
                // falls through to history
            }
        }
        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).processDefinitionKey(KEY).singleResult();
        if (history == null) {
            return null;
        }
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            if (processInstanceId.equals(variable.getExecutionId())) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        return new Instance(processInstanceId, history.getBusinessKey(), history.getEndTime() != null, variables);
    }

    /** Every department in scope with its 自评: recorded in task-service, submitted and being recorded, or missing. */
    @SuppressWarnings("unchecked")
    List<SelfAssessmentState> selfAssessments(Instance instance) {
        Map<String, SelfAssessmentState> byDepartment = new LinkedHashMap<>();
        Object departments = instance.get(VAR_DEPARTMENTS);
        if (departments instanceof List<?> list) {
            list.forEach(d -> byDepartment.put(String.valueOf(d), null));
        }
        putRecorded(byDepartment, instance.get(VAR_SELF_ASSESSMENTS_RECORDED));
        Set<String> open = Set.of();
        if (!instance.ended()) {
            boolean recordedMeanwhile = false;
            for (Execution execution : runtimeService.createExecutionQuery().processInstanceId(instance.id())
                    .activityId(RECORD_SELF_ASSESSMENT).list()) {
                Map<String, Object> variables;
                try {
                    variables = runtimeService.getVariables(execution.getId(), List.of(VAR_DEPARTMENT, VAR_SELF_ASSESSMENT));
                } catch (NullValueException ended) {
                    // the job recorded this 自评 between the query and this read: it is now in the recorded list
                    recordedMeanwhile = true;
                    continue;
                }
                String department = ProcessValues.asString(variables.get(VAR_DEPARTMENT));
                Map<String, Object> form = (Map<String, Object>) variables.get(VAR_SELF_ASSESSMENT);
                if (department != null && byDepartment.get(department) == null) {
                    byDepartment.put(department, new SelfAssessmentState(department, "SUBMITTED", false, false,
                            form == null ? null : (String) form.get("submittedBy"),
                            form == null ? null : (String) form.get("submittedAt")));
                }
            }
            if (recordedMeanwhile) {
                try {
                    putRecorded(byDepartment, runtimeService.getVariable(instance.id(), VAR_SELF_ASSESSMENTS_RECORDED));
                } catch (NullValueException ended) {
                    // the instance ended meanwhile as well; the next read takes it from history
                }
            }
            open = openSelfAssessments.of(instance.id()).keySet();
        }
        List<SelfAssessmentState> result = new ArrayList<>();
        for (Map.Entry<String, SelfAssessmentState> entry : byDepartment.entrySet()) {
            result.add(entry.getValue() != null ? entry.getValue()
                    : new SelfAssessmentState(entry.getKey(), "MISSING", false, open.contains(entry.getKey()), null, null));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static void putRecorded(Map<String, SelfAssessmentState> byDepartment, Object recorded) {
        if (recorded instanceof List<?> list) {
            for (Object entry : list) {
                Map<String, Object> r = (Map<String, Object>) entry;
                String department = String.valueOf(r.get("departmentCode"));
                byDepartment.put(department, new SelfAssessmentState(department, "SUBMITTED", true, false,
                        (String) r.get("submittedBy"), (String) r.get("submittedAt")));
            }
        }
    }

    static EvaluationReturn lastReturn(Instance instance) {
        EvaluationVariables v = EvaluationVariables.of(instance::get);
        if (!EvaluationProcess.DECISION_RETURN.equals(v.reviewDecision())) {
            return null;
        }
        return new EvaluationReturn(v.reviewComment(), v.reviewedBy(), v.reviewedAt());
    }
}
