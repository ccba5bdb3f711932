package org.luoshi.task.demo.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.demo.application.DemoActivityService;
import org.luoshi.task.plan.api.PlanView;

import io.quarkus.security.Authenticated;

@Path("/api/demo/plans")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "demo", description = "演示数据: only where luoshi.demo.enabled=true (the run command's demo)")
public class DemoResource {
    @Inject
    DemoActivityService demo;

    @POST
    @Path("{id}/activity")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Give a confirmed plan plausible demo assignments, milestones and indicator values, labelled demo")
    public PlanView bringToLife(@PathParam("id") long id, @QueryParam("seed") @DefaultValue("2021") long seed) {
        return demo.bringToLife(id, seed);
    }
}
