package org.luoshi.workflow.taskservice;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.luoshi.common.problem.Problems;

/** Failures specific to this service; the common ones are mapped by service-common's ProblemMappers. */
public class WorkflowProblemMappers {
    private static final Logger LOG = Logger.getLogger(WorkflowProblemMappers.class);

    @ServerExceptionMapper
    public Response taskServiceUnavailable(TaskServiceUnavailableException e) {
        LOG.warnf(e, "task-service unavailable: %s", e.getMessage());
        return Problems.response(502, "upstream-unavailable", "Task service unavailable",
                "The task service could not be reached; try again later");
    }
}
