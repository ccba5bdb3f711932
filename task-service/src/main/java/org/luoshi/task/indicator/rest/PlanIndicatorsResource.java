package org.luoshi.task.indicator.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.indicator.api.IndicatorView;
import org.luoshi.task.indicator.application.IndicatorService;

import io.quarkus.security.Authenticated;

/**
 * A plan's indicators. Same root path as {@code plan.rest.PlanResource}: Quarkus REST merges resource classes of the
 * same path.
 */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "plans", description = "规划 Plans: their structure, status roll-ups and tasks")
public class PlanIndicatorsResource {
    @Inject
    IndicatorService indicators;

    @GET
    @Path("{id}/indicators")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The plan's indicators with their assessment this year")
    public List<IndicatorView> indicators(@PathParam("id") long id) {
        return indicators.ofPlan(id);
    }
}
