package org.luoshi.workflow.evaluation.application;

import static org.luoshi.workflow.evaluation.domain.EvaluationProcess.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.ModelledRefusal;
import org.luoshi.workflow.taskservice.EvaluationClient;
import org.luoshi.workflow.evaluation.domain.EvaluationVariables;

/**
 * Service task {@code recordSubmission} (async): task-service moves the evaluation to IN_REVIEW; key per round. A
 * permanent refusal (4xx) is thrown as the BPMN error {@value org.luoshi.workflow.taskservice.TaskServiceRefusal#ERROR_CODE}: the boundary event
 * submissionRefused sends the report back to the evaluator with the reason ({@code submissionRefusal}).
 */
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
        ModelledRefusal.run("submission " + key, () -> evaluations.submit(evaluationId, key, new EvaluationClient.Transition(v.submittedBy())));
        execution.setVariable(VAR_SUBMISSION_REFUSAL, null);
        LOG.infof("Evaluation %d submitted for review (%s)", evaluationId, key);
    }
}
