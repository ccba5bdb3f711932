package org.luoshi.workflow.evaluation.application;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.luoshi.workflow.evaluation.domain.EvaluationProcess;

/**
 * The departments of an evaluation whose 自评 is missing and can still be written: those with an open
 * {@code submitSelfAssessment} item. Used by the ladder, the chase and the state.
 */
@ApplicationScoped
public class OpenSelfAssessments {
    @Inject
    TaskService taskService;

    @Inject
    RuntimeService runtimeService;

    /** Department code → the open item's id, in the order the items were created. */
    public Map<String, String> of(String processInstanceId) {
        Map<String, String> open = new LinkedHashMap<>();
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(EvaluationProcess.SUBMIT_SELF_ASSESSMENT).active().orderByTaskCreateTime().asc().list()) {
            open.put((String) runtimeService.getVariable(task.getExecutionId(), EvaluationProcess.VAR_DEPARTMENT), task.getId());
        }
        return open;
    }
}
