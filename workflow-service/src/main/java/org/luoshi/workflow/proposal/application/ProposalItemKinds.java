package org.luoshi.workflow.proposal.application;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.common.security.Roles;
import org.luoshi.workflow.proposal.domain.ProposalProcess;
import org.luoshi.workflow.workitem.CompletionEndpoints;

/** The work item of 调整建议: the endpoint that completes it, and the role deciding it. */
@ApplicationScoped
public class ProposalItemKinds implements CompletionEndpoints {
    @Override
    public Map<String, String> byActivity() {
        return Map.of(ProposalProcess.DECIDE, "POST /api/proposal-items/{id}/decision");
    }

    @Override
    public Map<String, String> decidingRoles() {
        return Map.of(ProposalProcess.DECIDE, Roles.SUPERVISOR);
    }
}
