package org.luoshi.task.tracking.rest;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.common.security.Roles;
import org.luoshi.task.tracking.api.DepartmentAssessment;
import org.luoshi.task.tracking.application.DepartmentAssessmentService;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy;

import io.quarkus.security.Authenticated;

@Path("/api/plans/{planId}/department-assessment")
@Authenticated
@Tag(name = "assessment", description = "考核 Departments' timeliness over a period, as task-service records it")
@Produces(MediaType.APPLICATION_JSON)
public class DepartmentAssessmentResource {

    @Inject
    DepartmentAssessmentService assessments;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Per lead department: milestones due in [from, to] reported on time / late / missing, average "
            + "days late, reports returned in the period, 红黄绿 of its tasks today (docs/assessment.md). workflow-service "
            + "adds 催办, 督办 and adjustments: GET /api/assessment there")
    @APIResponse(responseCode = "200", description = "The figures, departments by code")
    @APIResponse(responseCode = "400", description = "from or to missing or unparsable, or to before from")
    @APIResponse(responseCode = "403", description = "Neither supervisor nor admin")
    @APIResponse(responseCode = "404", description = "No such plan, or not visible to the caller")
    public DepartmentAssessment get(@PathParam("planId") long planId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        if (from == null) {
            throw new InvalidFieldException("from", "required, a date (yyyy-MM-dd)", ViolationCodes.REQUIRED);
        }
        if (to == null) {
            throw new InvalidFieldException("to", "required, a date (yyyy-MM-dd)", ViolationCodes.REQUIRED);
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from (" + from + ")");
        }
        return assessments.assess(planId, new DepartmentAssessmentPolicy.Period(from, to));
    }
}
