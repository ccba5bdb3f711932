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

/** Service task {@code recordReview} (async): APPROVE or RETURN (with the comment) in task-service; key per round. */
@Named("recordEvaluationReviewDelegate")
@ApplicationScoped
public class RecordEvaluationReviewDelegate implements JavaDelegate {
    private static final Logger LOG = Logger.getLogger(RecordEvaluationReviewDelegate.class);

    @Inject
    @RestClient
    EvaluationClient evaluations;

    @Override
    public void execute(DelegateExecution execution) {
        long evaluationId = ((Number) execution.getVariable(VAR_EVALUATION_ID)).longValue();
        String decision = (String) execution.getVariable(VAR_REVIEW_DECISION);
        String key = execution.getProcessInstanceId() + ":review:" + execution.getVariable(VAR_SUBMISSION_ROUND);
        ServiceCalls.run("recordReview", () -> evaluations.review(evaluationId, key, new EvaluationClient.Review(decision,
                (String) execution.getVariable(VAR_REVIEW_COMMENT), (String) execution.getVariable(VAR_REVIEWED_BY))));
        LOG.infof("Review %s of evaluation %d recorded (%s)", decision, evaluationId, key);
    }
}
