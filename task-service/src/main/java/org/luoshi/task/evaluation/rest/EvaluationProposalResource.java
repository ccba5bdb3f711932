package org.luoshi.task.evaluation.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.evaluation.api.ProposalDecision;
import org.luoshi.task.evaluation.api.ProposalView;
import org.luoshi.task.evaluation.application.EvaluationProposals;
import org.luoshi.task.evaluation.domain.ProposalStatus;
import org.luoshi.task.shared.application.KeyedWrites;

import io.quarkus.security.Authenticated;

/**
 * The proposals from approved evaluations, and their decisions. The office decides each in its inbox (workflow-service's
 * 调整建议 item), which records the decision here with the service account: one way to decide.
 */
@Path("/api/evaluation-proposals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "evaluations", description = "规划实施评估 Mid-term and final third-party evaluations")
public class EvaluationProposalResource {
    @Inject
    EvaluationProposals proposals;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Proposals by status (default OPEN: the supervising office's inbox)")
    @APIResponse(responseCode = "200", description = "The proposals")
    @APIResponse(responseCode = "400", description = "An unknown status (errors name status)")
    public List<ProposalView> list(@QueryParam("status") @DefaultValue("OPEN") ProposalStatus status) {
        return proposals.withStatus(status);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One proposal, with its finding (justification: the text to prefill the 动态调整 with)")
    @APIResponse(responseCode = "200", description = "The proposal")
    @APIResponse(responseCode = "404", description = "No such proposal")
    public ProposalView get(@PathParam("id") long id) {
        return proposals.get(id);
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Record the office's decision on a proposal once (workflow-service only, from the 调整建议 item; "
            + "Idempotency-Key required): ADJUST with the 动态调整 started (adjustmentProcessId, taskId for an indicator's "
            + "proposal) or DECLINE with the reason; decidedBy the person")
    @APIResponse(responseCode = "200", description = "The proposal as decided (the same answer for a repeated key)")
    @APIResponse(responseCode = "400", description = "Missing adjustmentProcessId, taskId, reason, decidedBy or "
            + "Idempotency-Key (errors name it)")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "Already decided (code proposal.decided), or the key used for "
            + "another change")
    public ProposalView decide(@PathParam("id") long id, @HeaderParam(KeyedWrites.HEADER) String idempotencyKey,
            @NotNull @Valid ProposalDecision decision) {
        return proposals.decide(id, idempotencyKey, decision);
    }

    @POST
    @Path("{id}/decision/validation")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Would the decision be recorded? (workflow-service asks before the office's item completes; "
            + "ADJUST without adjustmentProcessId: the 动态调整 is started after the check); changes nothing")
    @APIResponse(responseCode = "204", description = "It would")
    @APIResponse(responseCode = "400", description = "Missing taskId, reason or decidedBy, or a task of another plan "
            + "(errors name it)")
    @APIResponse(responseCode = "404", description = "No such proposal")
    @APIResponse(responseCode = "409", description = "Already decided (code proposal.decided)")
    public void validate(@PathParam("id") long id, @NotNull @Valid ProposalDecision decision) {
        proposals.validate(id, decision);
    }
}
