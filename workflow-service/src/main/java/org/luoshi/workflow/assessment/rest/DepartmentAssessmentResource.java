package org.luoshi.workflow.assessment.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.assessment.api.DepartmentAssessmentView;
import org.luoshi.workflow.assessment.application.AssessmentWorkbook;
import org.luoshi.workflow.assessment.application.DepartmentAssessmentService;

import io.quarkus.security.Authenticated;

@Path("/api/department-assessment")
@Authenticated
@Tag(name = "assessment", description = "考核 How each department performs over a period, from the record")
public class DepartmentAssessmentResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    DepartmentAssessmentService assessments;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Per department, for the plan's milestones due in [from, to]: reported on time / late / missing, "
            + "average days late, 催办 and 督办 received, reports returned, adjustments requested and approved, 红黄绿 "
            + "of its tasks today (docs/assessment.md)")
    @APIResponse(responseCode = "200", description = "The figures, one row per department")
    @APIResponse(responseCode = "400", description = "planId, from or to missing or unparsable, or to before from")
    @APIResponse(responseCode = "403", description = "Neither supervisor nor admin")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "503", description = "task-service could not be asked")
    public DepartmentAssessmentView get(@QueryParam("planId") Long planId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        checked(planId, from, to);
        return assessments.assess(planId, from, to);
    }

    @GET
    @Path("/xlsx")
    @Produces(XLSX)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "The same figures as an Excel workbook (部门考核)")
    @APIResponse(responseCode = "200", description = "The workbook")
    @APIResponse(responseCode = "400", description = "planId, from or to missing or unparsable, or to before from")
    @APIResponse(responseCode = "403", description = "Neither supervisor nor admin")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "503", description = "task-service could not be asked")
    public Response xlsx(@QueryParam("planId") Long planId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        checked(planId, from, to);
        byte[] workbook = AssessmentWorkbook.write(assessments.assess(planId, from, to));
        return Response.ok(workbook, XLSX).header("Content-Disposition", "attachment; filename=\"assessment-plan-"
                + planId + "-" + from + "-" + to + ".xlsx\"").build();
    }

    private static void checked(Long planId, LocalDate from, LocalDate to) {
        if (planId == null) {
            throw new InvalidFieldException("planId", "required, a plan's id", ViolationCodes.REQUIRED);
        }
        if (from == null) {
            throw new InvalidFieldException("from", "required, a date (yyyy-MM-dd)", ViolationCodes.REQUIRED);
        }
        if (to == null) {
            throw new InvalidFieldException("to", "required, a date (yyyy-MM-dd)", ViolationCodes.REQUIRED);
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from (" + from + ")");
        }
    }
}
