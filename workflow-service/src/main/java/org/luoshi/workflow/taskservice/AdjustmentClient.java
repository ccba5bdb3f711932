package org.luoshi.workflow.taskservice;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * task-service's adjustment API (动态调整) with the service account's token (same {@code task-service} configuration as
 * {@link TaskServiceClient}). The PUT is idempotent by the key: the same key again answers the first result.
 */
@Path("/api/adjustments")
@RegisterRestClient(configKey = "task-service")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AdjustmentClient {

    @PUT
    @Path("/{adjustmentKey}")
    Applied apply(@PathParam("adjustmentKey") String adjustmentKey, Adjustment body);

    /** Body of PUT /api/adjustments/{adjustmentKey}. */
    /** 204 when {@link #apply} would apply the body, else the same 400 naming the field; changes nothing. */
    @POST
    @Path("/validation")
    void validate(Adjustment body);

    record Adjustment(Long taskId, String reasonCategory, String justification, String requestedBy, String reviewedBy,
            String approvedBy, String newDueDate, Map<String, String> milestoneDueDates, String newLeadDepartmentCode,
            String newTitle) {
    }

    /** The answer: the task's revision after the adjustment, and the task as it stands then. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Applied(String adjustmentKey, Long taskId, Integer revision, After after) {
    }

    /** The part of the adjusted task the workflow acts on: its milestones with their new dates. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record After(List<TaskView.Milestone> milestones) {
    }
}
