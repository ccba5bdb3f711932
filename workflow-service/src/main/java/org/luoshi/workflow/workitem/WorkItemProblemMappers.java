package org.luoshi.workflow.workitem;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.luoshi.common.problem.Problems;

/** A decision refused to the caller (wrong role, own request, own department's work) answers 403. */
public class WorkItemProblemMappers {
    @ServerExceptionMapper
    public Response decisionRefused(DecisionRefusedException e) {
        return Problems.response(403, "decision-refused", "Not yours to decide", e.getMessage());
    }
}
