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
        EvaluationVariables v = EvaluationVariables.of(execution::getVariable);
        long evaluationId = v.evaluationId();
        String decision = v.reviewDecision();
        String key = execution.getProcessInstanceId() + ":review:" + v.submissionRound();
        ServiceCalls.run("recordReview", () -> evaluations.review(evaluationId, key,
                new EvaluationClient.Review(decision, v.reviewComment(), v.reviewedBy())));
        LOG.infof("Review %s of evaluation %d recorded (%s)", decision, evaluationId, key);
    }
}
