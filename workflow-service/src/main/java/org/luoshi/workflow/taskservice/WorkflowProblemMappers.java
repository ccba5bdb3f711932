package org.luoshi.workflow.taskservice;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.luoshi.common.problem.Problems;
import org.luoshi.workflow.workitem.DecisionRefusedException;
import org.luoshi.workflow.directory.DirectoryUnavailableException;

/** Failures specific to this service; the common ones are mapped by service-common's ProblemMappers. */
public class WorkflowProblemMappers {
    private static final Logger LOG = Logger.getLogger(WorkflowProblemMappers.class);

    @ServerExceptionMapper
    public Response taskServiceUnavailable(TaskServiceUnavailableException e) {
        LOG.warnf(e, "task-service unavailable: %s", e.getMessage());
        return Problems.response(502, "upstream-unavailable", "Task service unavailable",
                "The task service could not be reached; try again later");
    }

    @ServerExceptionMapper
    public Response decisionRefused(DecisionRefusedException e) {
        return Problems.response(403, "decision-refused", "Not yours to decide", e.getMessage());
    }

    @ServerExceptionMapper
    public Response directoryUnavailable(DirectoryUnavailableException e) {
        LOG.warnf(e, "Keycloak's user directory unavailable: %s", e.getMessage());
        return Problems.response(503, "directory-unavailable", "User directory unavailable",
                "Keycloak could not be asked who may take the item; try again later");
    }
}
