package org.luoshi.workflow.taskservice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** task-service's 考核 figures (docs/assessment.md), read with the service account's token. */
@Path("/api/plans")
@RegisterRestClient(configKey = "task-service")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
public interface AssessmentClient {

    @GET
    @Path("/{planId}/department-assessment")
    Recorded departmentAssessment(@PathParam("planId") long planId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to);

    /** What task-service records of a plan's departments over a period. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Recorded(long planId, LocalDate from, LocalDate to, LocalDate asOf, List<Long> taskIds,
            List<Department> departments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Department(String departmentCode, String nameZh, String nameEn, int onTime, int late, int missing,
            int notDue, BigDecimal averageDaysLate, int returned, int red, int yellow, int green) {
    }
}
