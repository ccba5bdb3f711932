package org.luoshi.task.indicator.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.problem.Versions;
import org.luoshi.common.security.Roles;
import org.luoshi.task.indicator.api.IndicatorUpdate;
import org.luoshi.task.indicator.api.IndicatorView;
import org.luoshi.task.indicator.api.NewIndicatorValue;
import org.luoshi.task.indicator.application.IndicatorService;

import io.quarkus.security.Authenticated;

@Path("/api/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "indicators", description = "指标 Indicators: targets, yearly values, progress, pace, projection, outlook")
public class IndicatorResource {
    @Inject
    IndicatorService indicators;

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One indicator, with its version as ETag")
    public Response get(@PathParam("id") long id) {
        IndicatorView view = indicators.get(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Correct an indicator's definition (If-Match: its ETag)")
    public Response update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid IndicatorUpdate update) {
        IndicatorView view = indicators.update(id, Versions.required(ifMatch), update);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("{id}/values")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Report a year's value (staff of the responsible department, or the supervising office)")
    public Response report(@PathParam("id") long id, @NotNull @Valid NewIndicatorValue value) {
        IndicatorView view = indicators.report(id, value);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }
}
