package org.luoshi.workflow.directory;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.luoshi.common.problem.Problems;

/** Keycloak's user directory unreachable answers 503: the caller may try again later. */
public class DirectoryProblemMappers {
    private static final Logger LOG = Logger.getLogger(DirectoryProblemMappers.class);

    @ServerExceptionMapper
    public Response directoryUnavailable(DirectoryUnavailableException e) {
        LOG.warnf(e, "Keycloak's user directory unavailable: %s", e.getMessage());
        return Problems.response(503, "directory-unavailable", "User directory unavailable",
                "Keycloak could not be asked who may take the item; try again later");
    }
}
