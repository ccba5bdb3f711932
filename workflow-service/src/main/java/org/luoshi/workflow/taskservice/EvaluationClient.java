package org.luoshi.workflow.taskservice;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * task-service's evaluation API (docs/evaluation-and-disclosure.md) as the 规划实施评估 process uses it, with the
 * service account's token (same {@code task-service} configuration as {@link TaskServiceClient}). Every change
 * carries an {@code Idempotency-Key} that is the same on every retry of its step.
 */
@Path("/api")
@RegisterRestClient(configKey = "task-service")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface EvaluationClient {

    @GET
    @Path("/evaluation-organisations")
    List<Organisation> organisations();

    @GET
    @Path("/plans/{id}")
    Plan plan(@PathParam("id") long planId);

    @GET
    @Path("/evaluations/{id}")
    Evaluation evaluation(@PathParam("id") long evaluationId);

    /** 204 when {@link #create} would accept the body, else the same 400 naming the field; changes nothing. */
    @POST
    @Path("/evaluations/validation")
    void validate(NewEvaluation body);

    /** Answers the evaluation with {@code id}, {@code departments} and {@code snapshotSha256}. */
    @POST
    @Path("/evaluations")
    Evaluation create(@HeaderParam(TaskServiceClient.IDEMPOTENCY_KEY) String idempotencyKey, NewEvaluation body);

    @PUT
    @Path("/evaluations/{id}/self-assessments/{department}")
    void putSelfAssessment(@PathParam("id") long evaluationId, @PathParam("department") String department,
            @HeaderParam(TaskServiceClient.IDEMPOTENCY_KEY) String idempotencyKey, SelfAssessment body);

    @POST
    @Path("/evaluations/{id}/submission")
    void submit(@PathParam("id") long evaluationId, @HeaderParam(TaskServiceClient.IDEMPOTENCY_KEY) String idempotencyKey,
            Transition body);

    @POST
    @Path("/evaluations/{id}/review")
    void review(@PathParam("id") long evaluationId, @HeaderParam(TaskServiceClient.IDEMPOTENCY_KEY) String idempotencyKey,
            Review body);

    @POST
    @Path("/evaluations/{id}/publication")
    void publish(@PathParam("id") long evaluationId, @HeaderParam(TaskServiceClient.IDEMPOTENCY_KEY) String idempotencyKey,
            Transition body);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Plan(Long id, String title) {
    }

    /**
     * An evaluation as the workflow reads it: the departments in scope and the frozen snapshot's digest (on creation),
     * and whether its report is current (before a submission). {@code reportsCurrent} is null when task-service does
     * not say.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Evaluation(Long id, List<String> departments, String snapshotSha256, Boolean reportsCurrent) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organisation(String code, String nameZh, String nameEn) {
    }

    /** Body of POST /api/evaluations; dates yyyy-MM-dd. */
    record NewEvaluation(Long planId, String kind, String periodFrom, String periodTo, String organisation,
            String selfAssessmentDue, String launchedBy) {
    }

    /** Body of PUT …/self-assessments/{department}, on behalf of the staff member {@code submittedBy}. */
    record SelfAssessment(String summary, String achievements, String problems, String nextSteps, String submittedBy) {
    }

    /** Body of the submission and the publication: who did it. */
    record Transition(String by) {
    }

    /** Body of POST …/review: APPROVE or RETURN (with a comment). */
    record Review(String decision, String comment, String decidedBy) {
    }
}
