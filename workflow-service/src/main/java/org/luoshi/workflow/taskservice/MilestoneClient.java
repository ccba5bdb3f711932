package org.luoshi.workflow.taskservice;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;


import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * task-service's milestone API as the 节点填报与审核 process uses it, with the service account's token (same
 * {@code task-service} configuration as {@link TaskServiceClient}). Both PUTs are idempotent by the report key.
 * The task and its milestones are read through {@link TaskServiceClient#getTask}, the only reader of that endpoint.
 */
@Path("/api")
@RegisterRestClient(configKey = "task-service")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MilestoneClient {


    @PUT
    @Path("/milestones/{id}/reports/{reportKey}")
    void putReport(@PathParam("id") long milestoneId, @PathParam("reportKey") String reportKey, ReportRequest body);

    /** 204 when {@link #putReport} would record the body, else the same 400 naming the field; records nothing. */
    @POST
    @Path("/milestones/{id}/reports/validation")
    void validateReport(@PathParam("id") long milestoneId, ReportRequest body);

    /** Records, all or none, that these milestones are tracked (at most 1000); repeating it changes nothing. */
    @PUT
    @Path("/milestones/tracking")
    void startTracking(TrackingStart body);

    /**
     * Records that workflow-service tracks this milestone of this task (a milestone of another task: 404; a done one:
     * 409; nothing recorded then) and answers what the process needs of the milestone and its task.
     */
    @PUT
    @Path("/milestones/{id}/tracking")
    TrackedMilestone startTracking(@PathParam("id") long milestoneId, TrackingOf body);

    /**
     * Adds a milestone to the task, tracked from the start, for the person {@code requestedBy} (one transaction in
     * task-service; the same key again answers the same milestone, newlyTracked false); answers as {@link #startTracking}.
     */
    @POST
    @Path("/tasks/{id}/tracked-milestones")
    TrackedMilestone addTracked(@PathParam("id") long taskId,
            @jakarta.ws.rs.HeaderParam(TaskServiceClient.IDEMPOTENCY_KEY) String idempotencyKey, NewTrackedMilestone body);

    /** Body of POST /api/tasks/{id}/tracked-milestones; dueDate yyyy-MM-dd. */
    record NewTrackedMilestone(NewMilestone milestone, String requestedBy) {
    }

    /** A milestone to add, as task-service takes it (task-service's rules apply: it names the field it refuses). */
    record NewMilestone(String title, String dueDate, String deliverable, java.math.BigDecimal weight) {
    }

    @PUT
    @Path("/milestone-reports/{reportKey}/decision")
    void putDecision(@PathParam("reportKey") String reportKey, DecisionRequest body);

    /** Body of PUT /api/milestones/{id}/reports/{reportKey}; kind LEAD or SUB. */
    record ReportRequest(String kind, String departmentCode, String submittedBy, String text, Integer percent,
            List<Long> evidenceIds, List<String> consolidates) {
    }

    /** Body of PUT /api/milestone-reports/{reportKey}/decision; decision APPROVED or REJECTED. */
    record TrackingStart(java.util.List<Long> milestoneIds) {
    }

    /** Body of PUT /api/milestones/{id}/tracking: the task the milestone is expected to be of. */
    record TrackingOf(long taskId) {
    }

    /** Answer of PUT /api/milestones/{id}/tracking; dueDate yyyy-MM-dd. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record TrackedMilestone(Long milestoneId, String title, String dueDate, String status, boolean newlyTracked,
            Long taskId, String taskTitle, String taskReference, String leadDepartmentCode, List<String> coDepartmentCodes) {
    }

    record DecisionRequest(String decision, String decidedBy, String comment, String decidedOn) {
    }
}
