package org.luoshi.workflow.evaluation.application;

import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.*;

import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.ModelledRefusal;
import org.luoshi.workflow.taskservice.EvaluationClient;
import org.luoshi.workflow.evaluation.domain.EvaluationVariables;

/**
 * Service task {@code publishEvaluation} (async): task-service publishes the approved report (both files) and a
 * status snapshot; key {@code <processInstanceId>:publication}. The approver is named as the publisher. A permanent
 * refusal (4xx) is thrown as the BPMN error {@value org.luoshi.workflow.taskservice.TaskServiceRefusal#ERROR_CODE}: the boundary event
 * publicationRefused tells the supervising office why.
 */
@Named("publishEvaluationDelegate")
@ApplicationScoped
public class PublishEvaluationDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(PublishEvaluationDelegate.class);

    @Inject
    @RestClient
    EvaluationClient evaluations;

    @Override
    public void execute(DelegateExecution execution) {
        EvaluationVariables v = EvaluationVariables.of(execution::getVariable);
        long evaluationId = v.evaluationId();
        String key = execution.getProcessInstanceId() + ":publication";
        ModelledRefusal.run("publication " + key, () -> evaluations.publish(evaluationId, key, new EvaluationClient.Transition(v.reviewedBy())));
        execution.setVariable(VAR_PUBLISHED_AT, new Date(ClockUtil.getCurrentTime().getTime()));
        LOG.infof("Evaluation %d published (%s)", evaluationId, key);
    }
}
