package org.luoshi.task.tracking.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.tracking.api.MilestoneReportView;
import org.luoshi.task.tracking.api.ReportDecisionRequest;
import org.luoshi.task.tracking.application.MilestoneReportService;

import io.quarkus.security.Authenticated;

@Path("/api/milestone-reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "milestone reports", description = "进展报告 Reports on milestones and the decisions on them")
public class MilestoneReportResource {
    @Inject
    MilestoneReportService reports;

    @PUT
    @Path("{reportKey}/decision")
    @RolesAllowed(Roles.SERVICE)
    @Operation(summary = "Record the decision on a report (workflow-service only); an approved LEAD report marks the "
            + "milestone done; the same decision again changes nothing, another one is a conflict")
    public MilestoneReportView decide(@PathParam("reportKey") String reportKey, @NotNull @Valid ReportDecisionRequest decision) {
        return reports.decide(reportKey, decision);
    }
}
