package org.luoshi.task.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.input.Paging;
import org.luoshi.common.security.Roles;
import org.luoshi.task.audit.api.AuditEntryView;
import org.luoshi.task.audit.api.AuditVerification;
import org.luoshi.task.audit.application.AuditReadRules;
import org.luoshi.task.audit.application.AuditService;
import org.luoshi.task.shared.application.RateLimited;
import org.luoshi.task.shared.api.PageView;
import org.luoshi.task.shared.application.CallerFactory;

import io.quarkus.security.Authenticated;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "audit", description = "审计 Audit log: every change, who made it, before and after; append-only and hash-chained")
public class AuditResource {
    @Inject
    AuditService audit;

    @Inject
    CallerFactory callers;

    @Inject
    AuditReadRules readRules;

    @GET
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN, Roles.EVALUATOR })
    @Operation(summary = "Audit entries, newest first, optionally of one entity type, entity or actor")
    public PageView<AuditEntryView> list(@QueryParam("entityType") @Size(max = 40) String entityType,
            @QueryParam("entityId") @Size(max = 60) String entityId,
            @QueryParam("actor") @Size(max = 100) String actor,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return audit.list(entityType, entityId, actor, readRules.visibilityOf(callers.current()), page, size);
    }

    @GET
    @Path("verify")
    @RateLimited("audit-verification")
    @APIResponse(responseCode = "429", description = "The caller verified too often; Retry-After says when to try again")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN, Roles.EVALUATOR })
    @Operation(summary = "Check the chain from the last verified checkpoint (the whole chain with full=true); names the "
            + "first entry whose hash, link or seq does not check")
    public AuditVerification verify(@QueryParam("full") @DefaultValue("false") boolean full) {
        return audit.verify(full, callers.current().username());
    }
}
