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
import org.luoshi.workflow.evaluation.domain.EvaluationVariables;

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
        EvaluationVariables v = EvaluationVariables.of(execution::getVariable);
        EvaluationClient.Evaluation created = ModelledRefusal.call("createEvaluation", () -> evaluations.create(key,
                new EvaluationClient.NewEvaluation(v.planId(), v.kind(), v.periodFrom(), v.periodTo(), v.organisation(),
                        v.selfAssessmentDue(), v.launchedBy())));
        if (created == null || created.id() == null) {
            throw new IllegalStateException("task-service answered the evaluation without an id: " + created);
        }
        List<String> departments = created.departments() == null ? new ArrayList<>() : new ArrayList<>(created.departments());
        execution.setVariable(VAR_EVALUATION_ID, created.id());
        execution.setVariable(VAR_DEPARTMENTS, departments);
        execution.setVariable(VAR_SNAPSHOT_SHA256, created.snapshotSha256());
        LOG.infof("Evaluation %d created for process %s: %d department(s) in scope", created.id(),
                execution.getProcessInstanceId(), departments.size());
    }
}
