package org.luoshi.workflow.evaluation.rest;

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
import org.luoshi.workflow.evaluation.api.EvaluationItem;
import org.luoshi.workflow.evaluation.api.EvaluationItemDone;
import org.luoshi.workflow.evaluation.api.EvaluationReviewForm;
import org.luoshi.workflow.evaluation.api.SelfAssessmentForm;
import org.luoshi.workflow.evaluation.application.EvaluationItemService;

import io.quarkus.security.Authenticated;

/** The items of 规划实施评估 with their forms; ids are the inbox's. */
@Path("/api/evaluation-items")
@Authenticated
@Tag(name = "evaluations")
@Produces(MediaType.APPLICATION_JSON)
public class EvaluationItemResource {

    @Inject
    EvaluationItemService items;

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "The caller's open evaluation items (at most 100), optionally of one process instance")
    public List<EvaluationItem> list(@QueryParam("processInstanceId") String processInstanceId) {
        return items.list(processInstanceId);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "One item with the departments' 自评 state and the last return; 404 when not the caller's")
    public EvaluationItem get(@PathParam("id") String id) {
        return items.get(id);
    }

    @POST
    @Path("/{id}/self-assessment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF })
    @Operation(summary = "部门自评: the department's self-assessment (staff of the department)")
    public EvaluationItemDone selfAssessment(@PathParam("id") String id, @NotNull @Valid SelfAssessmentForm form) {
        return items.submitSelfAssessment(id, form);
    }

    @POST
    @Path("/{id}/submission")
    @RolesAllowed({ Roles.EVALUATOR })
    @Operation(summary = "提交评估报告: the evaluator submits the report generated in task-service",
            description = "Closes the self-assessments still missing. 409 while a submitted 自评 is being recorded or the "
                    + "report in task-service is missing or out of date.")
    public EvaluationItemDone submission(@PathParam("id") String id) {
        return items.submitReport(id);
    }

    @POST
    @Path("/{id}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR })
    @Operation(summary = "审核评估报告: APPROVE (publishes), or RETURN with a comment for the evaluator")
    public EvaluationItemDone review(@PathParam("id") String id, @NotNull @Valid EvaluationReviewForm form) {
        return items.review(id, form);
    }
}
