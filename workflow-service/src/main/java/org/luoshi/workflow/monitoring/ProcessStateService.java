package org.luoshi.workflow.monitoring;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.workflow.adjustment.domain.AdjustmentProcess;
import org.luoshi.workflow.evaluation.domain.EvaluationProcess;
import org.luoshi.workflow.proposal.domain.ProposalProcess;
import org.luoshi.workflow.assignment.domain.TaskAssignmentProcess;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

/** Where a process instance stands, from the runtime tables while it runs and from history once it ended. */
@ApplicationScoped
public class ProcessStateService {

    @Inject
    RuntimeService runtimeService;

    @Inject
    HistoryService historyService;

    @Inject
    RepositoryService repositoryService;

    /**
     * The running view while the instance runs; the historic view once it ended. An instance can end between the
     * runtime lookup and the reads that follow (the job executor works meanwhile); those reads then fail, and the
     * answer falls back to history, which the same engine transaction that ended the instance has completed.
     */
    public ProcessState state(String processInstanceId) {
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (running != null) {
            try {
                return runningState(running);
            } catch (ProcessEngineException endedMeanwhile) {
                if (runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
                    throw endedMeanwhile; // still running: a real failure
                }
            }
        }
        return historicState(processInstanceId);
    }

    private ProcessState runningState(ProcessInstance running) {
        String processInstanceId = running.getId();
        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        String key = history != null ? history.getProcessDefinitionKey()
                : repositoryService.getProcessDefinition(running.getProcessDefinitionId()).getKey();
        List<String> names = variablesOfInterest(key);
        Map<String, Object> variables = new LinkedHashMap<>(runtimeService.getVariables(processInstanceId, toRead(key, names)));
        leadAsDepartment(key, variables);
        List<String> active = runtimeService.getActiveActivityIds(processInstanceId);
        long incidents = runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count();
        return new ProcessState(processInstanceId, running.getBusinessKey(), key,
                history == null ? null : history.getStartUserId(), false, active, null, sorted(names, variables), incidents,
                history == null ? null : instant(history.getStartTime()), null);
    }

    private ProcessState historicState(String processInstanceId) {
        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (history == null) {
            throw new ResourceNotFoundException("Process instance", processInstanceId);
        }
        List<String> names = variablesOfInterest(history.getProcessDefinitionKey());
        Map<String, Object> variables = new LinkedHashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableNameIn(toRead(history.getProcessDefinitionKey(), names).toArray(String[]::new))
                .list()) {
            variables.put(variable.getName(), variable.getValue());
        }
        leadAsDepartment(history.getProcessDefinitionKey(), variables);
        return new ProcessState(processInstanceId, history.getBusinessKey(), history.getProcessDefinitionKey(),
                history.getStartUserId(), history.getEndTime() != null,
                List.of(), history.getEndActivityId(), sorted(names, variables), 0, instant(history.getStartTime()),
                instant(history.getEndTime()));
    }

    private static List<String> variablesOfInterest(String processDefinitionKey) {
        if (EvaluationProcess.KEY.equals(processDefinitionKey)) {
            return EvaluationProcess.VARIABLES_OF_INTEREST;
        }
        if (ProposalProcess.KEY.equals(processDefinitionKey)) {
            return ProposalProcess.VARIABLES_OF_INTEREST;
        }
        return AdjustmentProcess.KEY.equals(processDefinitionKey) ? AdjustmentProcess.VARIABLES_OF_INTEREST
                : TaskAssignmentProcess.VARIABLES_OF_INTEREST;
    }

    /**
     * The names to read: of a milestone's instance those its history keeps (the lead department once, as
     * {@code leadDepartmentCode}; an older instance's copy as {@code departmentCode}); the view shows those of
     * {@code names}.
     */
    private static List<String> toRead(String processDefinitionKey, List<String> names) {
        return MilestoneReportingProcess.KEY.equals(processDefinitionKey) ? MilestoneReportingProcess.VARIABLES_IN_HISTORY
                : names;
    }

    /**
     * The view shows a milestone's lead department as {@code departmentCode}, as it did when instances stored the lead
     * twice; the lead wins over an older instance's copy.
     */
    private static void leadAsDepartment(String processDefinitionKey, Map<String, Object> variables) {
        if (MilestoneReportingProcess.KEY.equals(processDefinitionKey)
                && variables.get(MilestoneReportingProcess.VAR_LEAD_DEPARTMENT) != null) {
            variables.put(MilestoneReportingProcess.VAR_DEPARTMENT_CODE,
                    variables.get(MilestoneReportingProcess.VAR_LEAD_DEPARTMENT));
        }
    }

    private static Map<String, Object> sorted(List<String> names, Map<String, Object> variables) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : names) {
            if (variables.containsKey(name)) {
                result.put(name, variables.get(name));
            }
        }
        return result;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
