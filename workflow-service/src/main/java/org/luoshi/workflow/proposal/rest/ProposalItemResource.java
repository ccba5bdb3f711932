package org.luoshi.workflow.proposal.rest;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.proposal.api.ProposalDecisionForm;
import org.luoshi.workflow.proposal.api.ProposalItem;
import org.luoshi.workflow.proposal.api.ProposalItemDone;
import org.luoshi.workflow.proposal.application.ProposalItemService;

import io.quarkus.security.Authenticated;

/** 调整建议: the supervising office's items raised by an approved evaluation's findings; ids are the inbox's. */
@Path("/api/proposal-items")
@Authenticated
@Tag(name = "evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class ProposalItemResource {

    @Inject
    ProposalItemService items;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The caller's open 调整建议 items, oldest first")
    @APIResponse(responseCode = "200", description = "The items")
    public List<ProposalItem> list() {
        return items.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One item: the finding, the task or indicator it names, the 动态调整's prefilled justification")
    @APIResponse(responseCode = "200", description = "The item")
    @APIResponse(responseCode = "404", description = "No such open item for the caller")
    public ProposalItem get(@PathParam("id") String id) {
        return items.get(id);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR })
    @Operation(summary = "Decide: ADJUST starts the 动态调整 (justification defaults to the finding), DECLINE needs a reason",
            description = "Asked of task-service first; the decision is then recorded there by the process.")
    @APIResponse(responseCode = "200", description = "Decided; for ADJUST the 动态调整 started")
    @APIResponse(responseCode = "400", description = "Missing reason, adjustment or adjustment.taskId, or a change of "
            + "the 动态调整 task-service would refuse (errors name the field)")
    @APIResponse(responseCode = "403", description = "Not of the supervising office")
    @APIResponse(responseCode = "404", description = "No such open item for the caller")
    @APIResponse(responseCode = "409", description = "Taken meanwhile, or the proposal was decided already (its item is closed)")
    @APIResponse(responseCode = "503", description = "task-service could not be asked")
    public ProposalItemDone decide(@PathParam("id") String id, @NotNull @Valid ProposalDecisionForm form) {
        return items.decide(id, form);
    }
}
