package org.luoshi.workflow.evaluation.application;

import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.*;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.EvaluationClient;

import com.fasterxml.jackson.databind.JsonNode;
import org.luoshi.workflow.taskservice.ModelledRefusal;

/**
 * Service task {@code createEvaluation} (async): creates the evaluation in task-service, which freezes the snapshot,
 * under the key {@code <processInstanceId>:createEvaluation} (the same on every retry: a call whose answer got lost
 * does not create a second evaluation), and keeps its id and the departments in scope.
 */
@Named("createEvaluationDelegate")
@ApplicationScoped
public class CreateEvaluationDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(CreateEvaluationDelegate.class);

    @Inject
    @RestClient
    EvaluationClient evaluations;

    @Override
    public void execute(DelegateExecution execution) {
        String key = execution.getProcessInstanceId() + ":" + CREATE_EVALUATION;
        JsonNode created = ModelledRefusal.call("createEvaluation", () -> evaluations.create(key, new EvaluationClient.NewEvaluation(
                ((Number) execution.getVariable(VAR_PLAN_ID)).longValue(), (String) execution.getVariable(VAR_KIND),
                (String) execution.getVariable(VAR_PERIOD_FROM), (String) execution.getVariable(VAR_PERIOD_TO),
                (String) execution.getVariable(VAR_ORGANISATION), (String) execution.getVariable(VAR_SELF_ASSESSMENT_DUE),
                (String) execution.getVariable(VAR_LAUNCHED_BY))));
        if (created == null || !created.path("id").canConvertToLong()) {
            throw new IllegalStateException("task-service answered the evaluation without an id: " + created);
        }
        List<String> departments = new ArrayList<>();
        created.path("departments").forEach(d -> departments.add(d.asText()));
        execution.setVariable(VAR_EVALUATION_ID, created.path("id").asLong());
        execution.setVariable(VAR_DEPARTMENTS, departments);
        execution.setVariable(VAR_SNAPSHOT_SHA256, created.path("snapshotSha256").asText(null));
        LOG.infof("Evaluation %d created for process %s: %d department(s) in scope", created.path("id").asLong(),
                execution.getProcessInstanceId(), departments.size());
    }
}
