package org.luoshi.task.tracking.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.luoshi.common.problem.Problem;
import org.luoshi.common.problem.Problems;
import org.luoshi.common.problem.Versions;
import org.luoshi.common.security.Roles;
import org.luoshi.task.tracking.api.EvidenceView;
import org.luoshi.task.tracking.api.MilestoneCompletion;
import org.luoshi.task.tracking.api.MilestoneTracking;
import org.luoshi.task.tracking.api.MilestoneTrackingStart;
import org.luoshi.task.tracking.api.TrackingStart;
import org.luoshi.task.tracking.api.TrackingStarted;
import org.luoshi.task.tracking.api.MilestoneReportView;
import org.luoshi.task.tracking.api.NewMilestone;
import org.luoshi.task.tracking.api.NewMilestoneReport;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.application.EvidenceService;
import org.luoshi.task.tracking.application.MilestoneReportService;
import org.luoshi.task.tracking.application.MilestoneService;

import io.quarkus.security.Authenticated;

/** A milestone's writes answer with its task, whose view carries every milestone's version. */
@Path("/api/milestones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "milestones", description = "节点 Milestones of tasks")
public class MilestoneResource {
    @Inject
    MilestoneService milestones;

    @Inject
    EvidenceService evidence;

    @Inject
    MilestoneReportService reports;

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Change a milestone's title, due date, deliverable or weight (If-Match: its version)")
    public TaskView update(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid NewMilestone milestone) {
        return milestones.update(id, Versions.required(ifMatch), milestone);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Remove a milestone (If-Match: its version)")
    public TaskView remove(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return milestones.remove(id, Versions.required(ifMatch));
    }

    @PUT
    @Path("tracking")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Record that workflow-service started tracking these milestones (a page of a bulk start), all in "
            + "one transaction; repeating it changes nothing")
    @APIResponse(responseCode = "200", description = "Recorded; how many were not tracked before")
    @APIResponse(responseCode = "400", description = "No ids, more than 1000, or a null id, naming the field")
    @APIResponse(responseCode = "404", description = "A milestone that does not exist: nothing is recorded")
    public TrackingStarted startTracking(@NotNull @Valid TrackingStart request) {
        return milestones.startTracking(request.milestoneIds());
    }

    @PUT
    @Path("{id}/tracking")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Record that workflow-service started tracking the milestone (节点填报与审核); from then on its "
            + "date and existence change only through 动态调整 or the supervising office. Repeating it changes nothing. "
            + "Answers the milestone with what the process needs of its task")
    @APIResponse(responseCode = "200", description = "Recorded (or tracked already: newlyTracked false)")
    @APIResponse(responseCode = "400", description = "No taskId, naming it")
    @APIResponse(responseCode = "403", description = "Not the service account")
    @APIResponse(responseCode = "404", description = "No such milestone, or not one of the task named: nothing recorded")
    @APIResponse(responseCode = "409", description = "The milestone is done (milestone-done): nothing recorded")
    public MilestoneTracking startTracking(@PathParam("id") long id, @NotNull @Valid MilestoneTrackingStart request) {
        return milestones.startTracking(id, request.taskId());
    }

    @PUT
    @Path("{id}/completion")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Mark a milestone done (after its report was approved); repeating it changes nothing")
    public TaskView complete(@PathParam("id") long id, @NotNull @Valid MilestoneCompletion completion) {
        return milestones.complete(id, completion);
    }

    @POST
    @Path("{id}/evidence")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Upload an evidence file (佐证材料, part 'file'): pdf, docx, xlsx, doc, xls, jpg, png, zip or txt, "
            + "up to 20 MB; staff of the lead or a co-department, the supervising office")
    public Response uploadEvidence(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        EvidenceView view = evidence.upload(id, file == null ? null : file.fileName(), file == null ? null : file.uploadedFile());
        return Response.created(URI.create("/api/evidence/" + view.id())).entity(view).build();
    }

    @GET
    @Path("{id}/evidence")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The evidence files of a milestone, oldest first")
    public List<EvidenceView> listEvidence(@PathParam("id") long id) {
        return evidence.list(id);
    }

    @PUT
    @Path("{id}/reports/{reportKey}")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Record a report on the milestone (workflow-service only); the same key again changes nothing")
    public MilestoneReportView submitReport(@PathParam("id") long id, @PathParam("reportKey") String reportKey,
            @NotNull @Valid NewMilestoneReport report) {
        return reports.submit(id, reportKey, report);
    }

    @POST
    @Path("{id}/reports/validation")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Check a report without recording it (workflow-service, before it accepts one): 204 when PUT "
            + "…/reports/{reportKey} would record it, else the same 400 naming the field (evidenceIds[i] of another "
            + "milestone, departmentCode, consolidates[i])")
    @APIResponse(responseCode = "204", description = "A report with this body would be recorded")
    @APIResponse(responseCode = "400", description = "The field that would be refused")
    public void validateReport(@PathParam("id") long id, @NotNull @Valid NewMilestoneReport report) {
        reports.validate(id, report);
    }

    @GET
    @Path("{id}/reports")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The reports on a milestone, newest first")
    public List<MilestoneReportView> listReports(@PathParam("id") long id) {
        return reports.list(id);
    }

    @ServerExceptionMapper
    public Response unsupportedType(EvidenceService.UnsupportedTypeException e) {
        return Problems.response(415, "unsupported-file-type", "Unsupported file type", e.getMessage(),
                List.of(new Problem.FieldError("file", e.getMessage())));
    }
}
