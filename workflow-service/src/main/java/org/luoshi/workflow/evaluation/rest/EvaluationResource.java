package org.luoshi.workflow.evaluation.rest;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.escalation.ChaseResult;
import org.luoshi.workflow.evaluation.api.EvaluationLaunch;
import org.luoshi.workflow.evaluation.api.EvaluationLaunched;
import org.luoshi.workflow.evaluation.api.EvaluationState;
import org.luoshi.workflow.evaluation.application.EvaluationService;

import io.quarkus.security.Authenticated;

/** 规划实施评估: launching an evaluation, where it stands, chasing missing self-assessments. */
@Path("/api/evaluations")
@Authenticated
@Tag(name = "evaluations", description = "规划实施评估: mid-term and final third-party evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationResource {

    @Inject
    EvaluationService evaluations;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR })
    @Operation(summary = "Launch a mid-term or final evaluation of a plan (supervisor)",
            description = "Starts plan-evaluation; its first, retried step creates the evaluation in task-service and freezes "
                    + "the snapshot. 400 naming the field for bad dates, an unknown organisation or plan.")
    public Response launch(@NotNull @Valid EvaluationLaunch request) {
        EvaluationLaunched launched = evaluations.launch(request);
        return Response.created(uriInfo.getBaseUriBuilder().path(EvaluationResource.class).path(launched.processInstanceId()).build())
                .entity(launched).build();
    }

    @GET
    @Path("/{processId}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Where the evaluation stands: phase, current steps, task-service's id, each department's 自评",
            description = "Supervisors and admins any; an evaluator only those of their organisation (404 otherwise).")
    public EvaluationState state(@PathParam("processId") String processId) {
        return evaluations.state(processId);
    }

    @POST
    @Path("/{processId}/chase")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.EVALUATOR })
    @Operation(summary = "催办: notify every department whose 自评 is missing (stored and mailed); answers whom")
    public ChaseResult chase(@PathParam("processId") String processId) {
        return evaluations.chase(processId);
    }
}
