package org.luoshi.workflow.taskservice;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * task-service's adjustment proposals (docs/succession.md) as 调整建议 uses them, with the service account's token:
 * the proposals an approval raised, one proposal, the check of a decision and its keyed recording.
 */
@Path("/api")
@RegisterRestClient(configKey = "task-service")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProposalClient {

    @GET
    @Path("/evaluations/{id}/proposals")
    List<Proposal> ofEvaluation(@PathParam("id") long evaluationId);

    @GET
    @Path("/evaluation-proposals/{id}")
    Proposal proposal(@PathParam("id") long proposalId);

    /** 204 when {@link #decide} would record the decision (the 动态调整's id aside), else the same 4xx; changes nothing. */
    @POST
    @Path("/evaluation-proposals/{id}/decision/validation")
    void validate(@PathParam("id") long proposalId, Decision body);

    @POST
    @Path("/evaluation-proposals/{id}/decision")
    Proposal decide(@PathParam("id") long proposalId, @HeaderParam(TaskServiceClient.IDEMPOTENCY_KEY) String idempotencyKey,
            Decision body);

    /** A proposal as the workflow reads it; {@code status} OPEN, ADJUSTMENT_STARTED or DECLINED. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Proposal(Long id, Long evaluationId, String evaluationKind, Long planId, Integer findingOrdinal, String finding,
            String justification, String ground, Long taskId, String taskReference, String taskTitle, Long indicatorId,
            String indicatorName, String status, String adjustmentProcessId, Long adjustedTaskId, String reason,
            String decidedBy) {
        public boolean open() {
            return "OPEN".equals(status);
        }
    }

    /** ADJUST (adjustmentProcessId, taskId for an indicator's) or DECLINE (reason), by the person who decided. */
    record Decision(String decision, String adjustmentProcessId, Long taskId, String reason, String decidedBy) {
    }
}
