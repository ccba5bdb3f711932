package org.luoshi.workflow.service;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.workflow.api.ProcessState;
import org.luoshi.workflow.engine.TaskAssignmentProcess;

/** Where a process instance stands, from the runtime tables while it runs and from history once it ended. */
@ApplicationScoped
public class ProcessStateService {

    @Inject
    RuntimeService runtimeService;

    @Inject
    HistoryService historyService;

    @Inject
    RepositoryService repositoryService;

    public ProcessState state(String processInstanceId) {
        ProcessInstance running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        HistoricProcessInstance history = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        Map<String, Object> variables = new LinkedHashMap<>();
        if (running != null) {
            runtimeService.getVariables(processInstanceId, TaskAssignmentProcess.VARIABLES_OF_INTEREST)
                    .forEach(variables::put);
            long incidents = runtimeService.createIncidentQuery().processInstanceId(processInstanceId).count();
            String key = history != null ? history.getProcessDefinitionKey()
                    : repositoryService.getProcessDefinition(running.getProcessDefinitionId()).getKey();
            return new ProcessState(processInstanceId, running.getBusinessKey(), key,
                    history == null ? null : history.getStartUserId(), false,
                    runtimeService.getActiveActivityIds(processInstanceId), null, sorted(variables), incidents,
                    history == null ? null : instant(history.getStartTime()), null);
        }
        if (history == null) {
            throw new ResourceNotFoundException("Process instance", processInstanceId);
        }
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableNameIn(TaskAssignmentProcess.VARIABLES_OF_INTEREST.toArray(String[]::new))
                .list()) {
            variables.put(variable.getName(), variable.getValue());
        }
        return new ProcessState(processInstanceId, history.getBusinessKey(), history.getProcessDefinitionKey(),
                history.getStartUserId(), true,
                List.of(), history.getEndActivityId(), sorted(variables), 0, instant(history.getStartTime()),
                instant(history.getEndTime()));
    }

    private static Map<String, Object> sorted(Map<String, Object> variables) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (String name : TaskAssignmentProcess.VARIABLES_OF_INTEREST) {
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
