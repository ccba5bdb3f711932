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
 * Service task {@code recordReview} (async): APPROVE or RETURN (with the comment) in task-service; key per round. A
 * permanent refusal (4xx) is thrown as the BPMN error {@value org.luoshi.workflow.taskservice.TaskServiceRefusal#ERROR_CODE}: the boundary event
 * reviewRefused sends the item back to the supervising office with the reason ({@code reviewRefusal}).
 */
@Named("recordEvaluationReviewDelegate")
@ApplicationScoped
public class RecordEvaluationReviewDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordEvaluationReviewDelegate.class);

    @Inject
    @RestClient
    EvaluationClient evaluations;

    @Override
    public void execute(DelegateExecution execution) {
        EvaluationVariables v = EvaluationVariables.of(execution::getVariable);
        long evaluationId = v.evaluationId();
        String decision = v.reviewDecision();
        String key = execution.getProcessInstanceId() + ":review:" + v.submissionRound();
        ModelledRefusal.run("review " + key, () -> evaluations.review(evaluationId, key,
                new EvaluationClient.Review(decision, v.reviewComment(), v.reviewedBy())));
        execution.setVariable(VAR_REVIEW_REFUSAL, null);
        LOG.infof("Review %s of evaluation %d recorded (%s)", decision, evaluationId, key);
    }
}
