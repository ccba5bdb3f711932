package org.luoshi.workflow.taskservice;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * task-service's API as used by the workflow. Calls carry a token of the {@code luoshi-workflow} service account
 * (client credentials, obtained and refreshed by quarkus-oidc-client). Any answer from 400 up is thrown as a
 * {@link jakarta.ws.rs.WebApplicationException}; a connection failure as a {@link jakarta.ws.rs.ProcessingException}.
 */
@Path("/api/tasks")
@RegisterRestClient(configKey = "task-service")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface TaskServiceClient {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @GET
    @Path("/{id}")
    TaskView getTask(@PathParam("id") long id);

    /** A page of a plan's (or one of its sections') tasks in a status, with their milestones, in the plan's order. */
    @GET
    TaskPage listTasks(@QueryParam("planId") long planId, @QueryParam("sectionId") Long sectionId,
            @QueryParam("status") String status, @QueryParam("page") int page, @QueryParam("size") int size);

    /** Records that a department accepted the task; the same key again returns the first result, applied once. */
    @PUT
    @Path("/{id}/acceptance")
    TaskView recordAcceptance(@PathParam("id") long id, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            AcceptanceRequest body);

    /** 204 when {@link #recordAcceptance} would record the body, else the same answer (400 naming the field, 409); records nothing. */
    @POST
    @Path("/{id}/acceptance/validation")
    void validateAcceptance(@PathParam("id") long id, AcceptanceRequest body);

    /** 改派: the task waits for another department's acceptance; idempotent by key. */
    @PUT
    @Path("/{id}/reassignment")
    void recordReassignment(@PathParam("id") long id, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            Reassignment body);

    /** 撤回: the assignment is withdrawn, the task is no department's; idempotent by key. */
    @PUT
    @Path("/{id}/withdrawal")
    void recordWithdrawal(@PathParam("id") long id, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
            Withdrawal body);

    /** One page of GET /api/tasks: the fields the workflow uses. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record TaskPage(java.util.List<TaskView> items, long total) {
    }

    /** Body of PUT /api/tasks/{id}/reassignment. */
    record Reassignment(String departmentCode, String by) {
    }

    /** Body of PUT /api/tasks/{id}/withdrawal. */
    record Withdrawal(String by, String note) {
    }
}
