package org.luoshi.workflow.evaluation.application;

import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.ServiceCalls;
import org.luoshi.workflow.taskservice.EvaluationClient;
import org.luoshi.workflow.evaluation.domain.EvaluationVariables;

/** Service task {@code recordSubmission} (async): task-service moves the evaluation to IN_REVIEW; key per round. */
@Named("recordEvaluationSubmissionDelegate")
@ApplicationScoped
public class RecordEvaluationSubmissionDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordEvaluationSubmissionDelegate.class);

    @Inject
    @RestClient
    EvaluationClient evaluations;

    @Override
    public void execute(DelegateExecution execution) {
        EvaluationVariables v = EvaluationVariables.of(execution::getVariable);
        long evaluationId = v.evaluationId();
        String key = execution.getProcessInstanceId() + ":submission:" + v.submissionRound();
        ServiceCalls.run("recordSubmission", () -> evaluations.submit(evaluationId, key, new EvaluationClient.Transition(v.submittedBy())));
        LOG.infof("Evaluation %d submitted for review (%s)", evaluationId, key);
    }
}
