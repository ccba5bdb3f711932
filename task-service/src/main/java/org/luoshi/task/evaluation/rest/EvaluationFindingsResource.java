package org.luoshi.task.evaluation.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.evaluation.api.FindingItems;
import org.luoshi.task.evaluation.api.ProposalView;
import org.luoshi.task.evaluation.application.EvaluationProposals;

import io.quarkus.security.Authenticated;

/** An evaluation's findings one by one, with the task or indicator each names, and the proposals made from them. */
@Path("/api/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "evaluations", description = "规划实施评估 Mid-term and final third-party evaluations")
public class EvaluationFindingsResource {
    @Inject
    EvaluationProposals proposals;

    @GET
    @Path("{id}/finding-items")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The findings one by one, each with the task and/or indicator it names")
    @APIResponse(responseCode = "200", description = "The findings, in order")
    @APIResponse(responseCode = "404", description = "No evaluation the caller sees")
    public List<FindingItems.View> findingItems(@PathParam("id") long id) {
        return proposals.findingItems(id);
    }

    @PUT
    @Path("{id}/finding-items")
    @RolesAllowed(Roles.EVALUATOR)
    @Operation(summary = "The evaluator replaces the findings list; those naming a task behind schedule or an indicator "
            + "unlikely to be met become proposals when the evaluation is approved")
    @APIResponse(responseCode = "200", description = "The findings, in order")
    @APIResponse(responseCode = "400", description = "A finding without text, or naming a task or indicator of another plan "
            + "(errors name items[i].text / taskId / indicatorId)")
    @APIResponse(responseCode = "404", description = "Not the caller's organisation's evaluation")
    @APIResponse(responseCode = "409", description = "The evaluation is no longer editable")
    public List<FindingItems.View> replaceFindingItems(@PathParam("id") long id, @NotNull @Valid FindingItems items) {
        return proposals.replaceFindingItems(id, items);
    }

    @GET
    @Path("{id}/proposals")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "调整建议: the proposals made from the evaluation's findings on approval, with their decisions and "
            + "the adjustments that followed")
    @APIResponse(responseCode = "200", description = "The proposals")
    @APIResponse(responseCode = "404", description = "No evaluation the caller sees")
    public List<ProposalView> proposals(@PathParam("id") long id) {
        return proposals.ofEvaluation(id);
    }
}
