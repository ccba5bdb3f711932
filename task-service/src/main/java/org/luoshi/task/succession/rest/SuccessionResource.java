package org.luoshi.task.succession.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.luoshi.common.problem.Problem;
import org.luoshi.common.problem.Problems;
import org.luoshi.common.security.Roles;
import org.luoshi.task.succession.api.CarryOverRequest;
import org.luoshi.task.succession.api.CarryOverView;
import org.luoshi.task.succession.api.ContinuationRequest;
import org.luoshi.task.succession.api.ContinuationView;
import org.luoshi.task.succession.api.SuccessionView;
import org.luoshi.task.succession.application.CarryOverRefused;
import org.luoshi.task.succession.application.SuccessionService;

import io.quarkus.security.Authenticated;

/** A plan's succession: the old plan's unfinished tasks carried over or closed, indicators continued. */
@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "succession", description = "规划接续 From one plan to the next: carry-over, continued indicators, lineage")
public class SuccessionResource {
    @Inject
    SuccessionService succession;

    @GET
    @Path("{id}/succession")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The plan it succeeds and its successor, the old plan's final evaluation, the old plan's "
            + "unfinished tasks and what became of each, the indicators continued")
    @APIResponse(responseCode = "200", description = "The succession")
    @APIResponse(responseCode = "404", description = "No plan the caller sees")
    public SuccessionView succession(@PathParam("id") long id) {
        return succession.succession(id);
    }

    @POST
    @Path("{id}/carry-over")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "结转: carry tasks of the plan this one succeeds into it (a new draft task each, keeping its "
            + "lineage) or close them with a reason; all or none")
    @APIResponse(responseCode = "200", description = "The decisions taken, in the order asked")
    @APIResponse(responseCode = "400", description = "A task closed without a reason (errors name items[i].reason)")
    @APIResponse(responseCode = "404", description = "No plan the caller sees")
    @APIResponse(responseCode = "409", description = "The plan succeeds no plan (code plan.no-predecessor), or items "
            + "cannot be decided: errors name each (items[i].taskId, code carry-over.already-carried, "
            + "carry-over.already-closed, carry-over.completed, carry-over.not-in-predecessor, carry-over.listed-twice)")
    public List<CarryOverView> carryOver(@PathParam("id") long id, @NotNull @Valid CarryOverRequest request) {
        return succession.carryOver(id, request);
    }

    @POST
    @Path("{id}/indicator-continuations")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Indicators of this plan continuing those of the plan it succeeds (given pairs, or by the same "
            + "name without items): each takes the old one's latest value as its baseline, with year and provenance")
    @APIResponse(responseCode = "200", description = "The continuations made")
    @APIResponse(responseCode = "400", description = "An indicator of neither plan, or an old one without values "
            + "(errors name items[i].indicatorId / previousIndicatorId)")
    @APIResponse(responseCode = "404", description = "No plan the caller sees")
    @APIResponse(responseCode = "409", description = "The plan succeeds no plan, an indicator is already continued, or the "
            + "old value's year is not before the new target year")
    public List<ContinuationView> continueIndicators(@PathParam("id") long id, @Valid ContinuationRequest request) {
        return succession.continueIndicators(id, request);
    }

    @ServerExceptionMapper
    public Response refused(CarryOverRefused e) {
        List<Problem.FieldError> errors = e.items().stream()
                .map(i -> new Problem.FieldError("items[" + i.index() + "].taskId", i.message(), i.code(),
                        java.util.Map.of("taskId", i.taskId())))
                .toList();
        return Problems.response(409, "carry-over-refused", "Tasks cannot be carried over", e.getMessage(), errors);
    }
}
