package org.luoshi.task.shared.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.shared.api.DepartmentView;
import org.luoshi.task.shared.application.DepartmentService;

import io.quarkus.security.Authenticated;

@Path("/api/departments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "departments", description = "部门 Departments: municipal bodies, districts and offices")
public class DepartmentResource {
    @Inject
    DepartmentService service;

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "All departments")
    public List<DepartmentView> list() {
        return service.list();
    }

    @GET
    @Path("{code}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One department by its code")
    public DepartmentView get(@PathParam("code") String code) {
        return service.get(code);
    }
}
