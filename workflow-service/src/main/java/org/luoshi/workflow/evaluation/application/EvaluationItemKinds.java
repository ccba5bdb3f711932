package org.luoshi.workflow.evaluation.application;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.common.security.Roles;
import org.luoshi.workflow.evaluation.domain.EvaluationProcess;
import org.luoshi.workflow.workitem.CompletionEndpoints;

/** The work items of 规划实施评估: the endpoint that completes each, and the role deciding each deciding kind. */
@ApplicationScoped
public class EvaluationItemKinds implements CompletionEndpoints {
    @Override
    public Map<String, String> byActivity() {
        return Map.of(
                EvaluationProcess.SUBMIT_SELF_ASSESSMENT, "POST /api/evaluation-items/{id}/self-assessment",
                EvaluationProcess.SUBMIT_REPORT, "POST /api/evaluation-items/{id}/submission",
                EvaluationProcess.REVIEW_REPORT, "POST /api/evaluation-items/{id}/review");
    }

    @Override
    public Map<String, String> decidingRoles() {
        return Map.of(EvaluationProcess.REVIEW_REPORT, Roles.SUPERVISOR);
    }
}
