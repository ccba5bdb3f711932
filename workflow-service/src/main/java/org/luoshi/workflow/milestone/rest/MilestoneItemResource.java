package org.luoshi.workflow.milestone.rest;

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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.milestone.api.MilestoneItem;
import org.luoshi.workflow.milestone.api.MilestoneItemDone;
import org.luoshi.workflow.milestone.api.ReportForm;
import org.luoshi.workflow.workitem.ReviewForm;
import org.luoshi.workflow.milestone.api.SubReportForm;
import org.luoshi.workflow.milestone.application.MilestoneItemService;
import org.luoshi.workflow.milestone.application.ReportSubmission;

import io.quarkus.security.Authenticated;

/** The items of 节点填报与审核 with their forms; ids are the same as the inbox's. */
@Path("/api/milestone-items")
@Authenticated
@Tag(name = "milestones")
@Produces(MediaType.APPLICATION_JSON)
public class MilestoneItemResource {

    @Inject
    MilestoneItemService items;

    @Inject
    ReportSubmission reports;

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The caller's open milestone items (at most 100), optionally of one process instance")
    public List<MilestoneItem> list(@QueryParam("processInstanceId") String processInstanceId) {
        return items.list(processInstanceId);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One item with the sub-reports in, the report under review and the last rejection; 404 when not the caller's")
    public MilestoneItem get(@PathParam("id") String id) {
        return items.get(id);
    }

    @POST
    @Path("/{id}/sub-report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "配合单位报送: the co-department's sub-report")
    public MilestoneItemDone subReport(@PathParam("id") String id, @NotNull @Valid SubReportForm form) {
        return items.submitSubReport(id, form);
    }

    @POST
    @Path("/{id}/report")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "牵头单位填报: the lead department's report, consolidating chosen sub-reports",
            description = "Answers once the report is recorded in task-service and waits in 督查室审核 (unless task-service "
                    + "is unavailable: then the recording is retried in the background and the review item follows it)")
    public MilestoneItemDone report(@PathParam("id") String id, @NotNull @Valid ReportForm form) {
        return reports.submit(id, form);
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "督查室审核: APPROVE, or REJECT with a comment")
    public MilestoneItemDone review(@PathParam("id") String id, @NotNull @Valid ReviewForm form) {
        return items.review(id, form);
    }
}
