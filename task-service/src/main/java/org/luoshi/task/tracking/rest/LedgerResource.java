package org.luoshi.task.tracking.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.luoshi.common.problem.Problem;
import org.luoshi.common.problem.Problems;
import org.luoshi.common.security.Roles;
import org.luoshi.task.shared.application.RateLimited;
import org.luoshi.task.tracking.api.LedgerImportResult;
import org.luoshi.task.tracking.application.LedgerService;
import org.luoshi.task.tracking.ledger.LedgerFormatException;

import io.quarkus.security.Authenticated;

@Path("/api/plans/{planId}/ledger")
@Authenticated
@Tag(name = "ledger", description = "台账 The task ledger as an Excel workbook, both ways")
public class LedgerResource {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    LedgerService ledger;

    @GET
    @RateLimited("ledger-export")
    @APIResponse(responseCode = "429", description = "The caller exported too often; Retry-After says when to try again")
    @Produces(XLSX)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Export the tasks the caller may see, with the same filters as GET /api/tasks, as .xlsx "
            + "(序号, 任务, 牵头单位, 配合单位, 完成时限, 节点, 进展, 状态)")
    public Response export(@PathParam("planId") long planId, @BeanParam TaskFilterParams filters) {
        byte[] xlsx = ledger.export(filters.toQuery(planId, 0, 1));
        return Response.ok(xlsx, XLSX)
                .header("Content-Disposition", "attachment; filename=\"ledger-plan-" + planId + ".xlsx\"; filename*=UTF-8''"
                        + "%E4%BB%BB%E5%8A%A1%E5%8F%B0%E8%B4%A6-" + planId + ".xlsx")
                .build();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Import a 台账 (.xlsx): rows whose 序号 names a task update it, rows naming a new position in "
            + "a section create a task; any bad row fails the whole file, listing every bad row")
    public LedgerImportResult importSheet(@PathParam("planId") long planId, byte[] xlsx) {
        return ledger.importSheet(planId, xlsx);
    }

    @ServerExceptionMapper
    public Response unreadableLedger(LedgerFormatException e) {
        List<Problem.FieldError> errors = e.errors().stream()
                .map(err -> new Problem.FieldError(err.rowNumber() == 0 ? "file" : "rows[" + err.rowNumber() + "]."
                        + (err.column() == null ? "row" : err.column()), err.message()))
                .toList();
        return Problems.response(400, "ledger-rows", "The ledger cannot be imported",
                errors.size() + " problem(s); nothing was imported", errors);
    }
}
