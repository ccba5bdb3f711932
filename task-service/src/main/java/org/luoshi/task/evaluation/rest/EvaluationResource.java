package org.luoshi.task.evaluation.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.Versions;
import org.luoshi.common.security.Roles;
import org.luoshi.task.evaluation.api.EvaluationFindings;
import org.luoshi.task.evaluation.api.EvaluationReportDownload;
import org.luoshi.task.evaluation.api.EvaluationReportView;
import org.luoshi.task.evaluation.api.EvaluationReviewRequest;
import org.luoshi.task.evaluation.api.EvaluationScoreEntry;
import org.luoshi.task.evaluation.api.EvaluationTransition;
import org.luoshi.task.evaluation.api.EvaluationView;
import org.luoshi.task.evaluation.api.NewEvaluation;
import org.luoshi.task.evaluation.api.NewSelfAssessment;
import org.luoshi.task.evaluation.api.SelfAssessmentView;
import org.luoshi.task.evaluation.application.EvaluationReportService;
import org.luoshi.task.evaluation.application.EvaluationScoringService;
import org.luoshi.task.evaluation.application.EvaluationService;
import org.luoshi.task.evaluation.domain.ReportFormat;
import org.luoshi.task.shared.application.RateLimited;

import io.quarkus.security.Authenticated;

/**
 * 第三方评估 (docs/evaluation-and-disclosure.md). Transitions and self-assessments are workflow-service's; scores,
 * findings and reports the evaluator's own; an evaluation the caller may not see answers 404.
 */
@Path("/api/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "evaluations", description = "第三方评估 Mid-term and final third-party evaluations")
public class EvaluationResource {

    @Inject
    EvaluationService evaluations;

    @Inject
    EvaluationScoringService scoring;

    @Inject
    EvaluationReportService reports;

    @POST
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Launch an evaluation (workflow-service only; Idempotency-Key required): takes the departments "
            + "in scope and freezes the snapshot")
    public Response launch(@HeaderParam("Idempotency-Key") String idempotencyKey, @NotNull @Valid NewEvaluation request) {
        EvaluationService.Launched launched = evaluations.launch(idempotencyKey, request);
        EvaluationView view = launched.evaluation();
        return Response.created(URI.create("/api/evaluations/" + view.id())).entity(view)
                .tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("validation")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Check a launch without launching (workflow-service, before it starts the process): 204 when "
            + "POST /api/evaluations would accept it, else the same 400 naming the field")
    @APIResponse(responseCode = "204", description = "A launch with this body would be accepted")
    @APIResponse(responseCode = "400", description = "The field that would be refused (a draft plan: planId; a deadline "
            + "in the past: selfAssessmentDue)")
    public void validate(@NotNull @Valid NewEvaluation request) {
        evaluations.validate(request);
    }

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The evaluations the caller may see, newest first, optionally of one plan")
    public List<EvaluationView> list(@QueryParam("planId") Long planId) {
        return evaluations.list(planId);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "One evaluation with its status, rubric, findings, total and grade; its version as ETag")
    public Response get(@PathParam("id") long id) {
        EvaluationView view = evaluations.get(id);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @GET
    @Path("{id}/snapshot")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The frozen snapshot, byte for byte the text its snapshotSha256 was taken over")
    public Response snapshot(@PathParam("id") long id) {
        byte[] text = evaluations.snapshot(id).getBytes(StandardCharsets.UTF_8);
        return Response.ok(text, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("{id}/self-assessments")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The self-assessments (自评) of the departments in scope, SUBMITTED or MISSING; staff see their own")
    public List<SelfAssessmentView> selfAssessments(@PathParam("id") long id) {
        return scoring.selfAssessments(id);
    }

    @PUT
    @Path("{id}/self-assessments/{department}")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Record a department's self-assessment (workflow-service only); the same text again changes nothing")
    public SelfAssessmentView submitSelfAssessment(@PathParam("id") long id, @PathParam("department") String department,
            @NotNull @Valid NewSelfAssessment request) {
        return scoring.submitSelfAssessment(id, department, request);
    }

    @GET
    @Path("{id}/scores")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The evaluator's scores")
    public List<EvaluationScoreEntry> scores(@PathParam("id") long id) {
        return scoring.scores(id);
    }

    @PUT
    @Path("{id}/scores")
    @RolesAllowed(Roles.EVALUATOR)
    @Operation(summary = "Replace the scores (its evaluators; If-Match optional), validated against the rubric and the "
            + "snapshot's chapters and indicators")
    public List<EvaluationScoreEntry> replaceScores(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull List<EvaluationScoreEntry> scores) {
        return scoring.replaceScores(id, version(ifMatch), scores);
    }

    @PUT
    @Path("{id}/findings")
    @RolesAllowed(Roles.EVALUATOR)
    @Operation(summary = "Set the findings and recommendations (its evaluators; If-Match optional)")
    public Response replaceFindings(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid EvaluationFindings findings) {
        EvaluationView view = scoring.replaceFindings(id, version(ifMatch), findings);
        return Response.ok(view).tag(Versions.etag(view.version())).build();
    }

    @POST
    @Path("{id}/reports")
    @RolesAllowed(Roles.EVALUATOR)
    @RateLimited("report-generation")
    @APIResponse(responseCode = "429", description = "The caller generated reports too often; Retry-After says when")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Generate the report (.docx and .pdf) from the snapshot, self-assessments, scores and findings")
    public Response generateReports(@PathParam("id") long id) {
        return Response.status(Response.Status.CREATED).entity(reports.generate(id)).build();
    }

    @GET
    @Path("{id}/reports")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The generated report files with their SHA-256 and the snapshot's")
    public List<EvaluationReportView> reports(@PathParam("id") long id) {
        return reports.list(id);
    }

    @GET
    @Path("{id}/reports/{format}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Download the report as docx or pdf")
    public Response download(@PathParam("id") long id, @PathParam("format") String format) {
        ReportFormat parsed;
        try {
            parsed = ReportFormat.valueOf(format.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("format", "must be docx or pdf");
        }
        EvaluationReportDownload file = reports.download(id, parsed);
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.content(), file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"; filename*=UTF-8''"
                        + encoded)
                .header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("{id}/submission")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "The evaluator submitted the report (workflow-service only) → IN_REVIEW; needs a current report; "
            + "body {by} optional")
    public EvaluationView submit(@PathParam("id") long id, @Valid EvaluationTransition request) {
        return evaluations.submit(id, request);
    }

    /** The same without a body: a bare POST is how a process step most simply says it. */
    @POST
    @Path("{id}/submission")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SERVICE)
    @Operation(hidden = true)
    public EvaluationView submitWithoutBody(@PathParam("id") long id) {
        return evaluations.submit(id, null);
    }

    @POST
    @Path("{id}/review")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "The supervising office's decision (workflow-service only): APPROVE → APPROVED, RETURN (with a "
            + "comment) → RETURNED")
    public EvaluationView review(@PathParam("id") long id, @NotNull @Valid EvaluationReviewRequest request) {
        return evaluations.review(id, request);
    }

    @POST
    @Path("{id}/publication")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Publish the approved evaluation (workflow-service only) → PUBLISHED, with its report and a "
            + "status snapshot; body {by} optional")
    public EvaluationView publish(@PathParam("id") long id, @Valid EvaluationTransition request) {
        return reports.publish(id, request);
    }

    @POST
    @Path("{id}/publication")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.SERVICE)
    @Operation(hidden = true)
    public EvaluationView publishWithoutBody(@PathParam("id") long id) {
        return reports.publish(id, null);
    }

    private static Integer version(String ifMatch) {
        return ifMatch == null || ifMatch.isBlank() ? null : Versions.required(ifMatch);
    }
}
