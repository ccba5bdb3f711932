package org.luoshi.workflow.taskservice;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** task-service's departments ({@code GET /api/departments}), read for their names. */
@Path("/api/departments")
@RegisterRestClient(configKey = "task-service")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
public interface DepartmentClient {

    /** A department as task-service lists it; {@code nameZh} e.g. 海淀区. */
    record Department(String code, String nameZh, String nameEn) {
    }

    @GET
    List<Department> list();
}
