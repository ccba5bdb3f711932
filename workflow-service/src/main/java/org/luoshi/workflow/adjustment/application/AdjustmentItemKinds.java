package org.luoshi.workflow.adjustment.application;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.common.security.Roles;
import org.luoshi.workflow.adjustment.domain.AdjustmentProcess;
import org.luoshi.workflow.workitem.CompletionEndpoints;

/** The work items of 动态调整: the endpoint that completes each, and the role deciding each deciding kind. */
@ApplicationScoped
public class AdjustmentItemKinds implements CompletionEndpoints {
    @Override
    public Map<String, String> byActivity() {
        return Map.of(
                AdjustmentProcess.REVIEW_ADJUSTMENT, "POST /api/adjustment-items/{id}/decision",
                AdjustmentProcess.APPROVE_ADJUSTMENT, "POST /api/adjustment-items/{id}/decision");
    }

    @Override
    public Map<String, String> decidingRoles() {
        return Map.of(AdjustmentProcess.REVIEW_ADJUSTMENT, Roles.SUPERVISOR,
                AdjustmentProcess.APPROVE_ADJUSTMENT, Roles.ADMIN);
    }
}
