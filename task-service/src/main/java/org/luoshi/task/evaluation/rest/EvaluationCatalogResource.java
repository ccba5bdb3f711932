package org.luoshi.task.evaluation.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.evaluation.api.EvaluationOrganisationView;
import org.luoshi.task.evaluation.application.EvaluationService;
import org.luoshi.task.evaluation.domain.Rubric;

import io.quarkus.security.Authenticated;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "evaluations", description = "第三方评估 Mid-term and final third-party evaluations")
public class EvaluationCatalogResource {
    @Inject
    EvaluationService evaluations;

    @GET
    @Path("evaluation-organisations")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The third-party evaluation organisations")
    public List<EvaluationOrganisationView> organisations() {
        return evaluations.organisations();
    }

    @GET
    @Path("evaluation-rubric")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "The default rubric (评分标准): criteria per subject kind with maximum and weight, and grades")
    public Rubric rubric() {
        return evaluations.defaultRubric();
    }
}
