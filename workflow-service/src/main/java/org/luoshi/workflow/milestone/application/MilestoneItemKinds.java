package org.luoshi.workflow.milestone.application;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.common.security.Roles;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.workitem.CompletionEndpoints;

/** The work items of 节点填报与审核: the endpoint that completes each, and the role deciding each deciding kind. */
@ApplicationScoped
public class MilestoneItemKinds implements CompletionEndpoints {
    @Override
    public Map<String, String> byActivity() {
        return Map.of(
                MilestoneReportingProcess.CONTRIBUTE_SUB_REPORT, "POST /api/milestone-items/{id}/sub-report",
                MilestoneReportingProcess.SUBMIT_REPORT, "POST /api/milestone-items/{id}/report",
                MilestoneReportingProcess.REVIEW_REPORT, "POST /api/milestone-items/{id}/review");
    }

    @Override
    public Map<String, String> decidingRoles() {
        return Map.of(MilestoneReportingProcess.REVIEW_REPORT, Roles.SUPERVISOR);
    }
}
