package org.luoshi.task.plan.importing.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.luoshi.task.plan.importing.api.ImportResult;
import org.luoshi.task.plan.importing.application.PlanImportService;
import org.luoshi.task.plan.importing.domain.PlanDocumentException;

import io.quarkus.security.Authenticated;

@Path("/api/plan-imports")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "plan imports", description = "导入规划文件 Import a plan document (as published: Word, PDF, web page or text) as a draft plan")
public class PlanImportResource {
    @Inject
    PlanImportService imports;

    @POST
    @RateLimited("plan-import")
    @APIResponse(responseCode = "200", description = "The preview (dryRun), or the plan an earlier import of the same document created")
    @APIResponse(responseCode = "201", description = "The draft plan created")
    @APIResponse(responseCode = "413", description = "The document is larger than 5 MB (errors name 'document')")
    @APIResponse(responseCode = "415", description = "The file is of a kind that is not imported (an image, a spreadsheet, "
            + "a legacy .doc, other binary data); errors name 'document' with code unsupportedType")
    @APIResponse(responseCode = "422", description = "The file is not a plan document that can be read; errors name "
            + "'document' with code notAPlan, noTextLayer (a PDF without text, such as a scan) or unreadable (damaged, "
            + "password-protected); the message says why in Chinese and English")
    @APIResponse(responseCode = "429", description = "The caller imported too often; Retry-After says when to try again")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Upload a plan document (Word .docx, PDF with a text layer, HTML or plain text; up to 5 MB), "
            + "recognised by its content. dryRun=true previews and creates nothing; the same document again finds the "
            + "plan it created and changes nothing; predecessorId links the plan to the plan it succeeds (as "
            + "PUT /api/plans/{id}/predecessor)")
    @APIResponse(responseCode = "409", description = "predecessorId names a plan that cannot be succeeded by this one")
    public Response importDocument(byte[] document,
            @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @QueryParam("name") String sourceName,
            @QueryParam("periodStart") Integer periodStart,
            @QueryParam("periodEnd") Integer periodEnd,
            @QueryParam("predecessorId") Long predecessorId) {
        if (dryRun) {
            return Response.ok(imports.preview(document, periodStart, periodEnd)).build();
        }
        ImportResult result = imports.importDraft(document, sourceName, periodStart, periodEnd, predecessorId);
        if (!result.created()) {
            return Response.ok(result).build();
        }
        return Response.created(URI.create("/api/plans/" + result.plan().id())).entity(result).build();
    }

    @ServerExceptionMapper
    public Response notAPlan(PlanDocumentException e) {
        List<Problem.FieldError> errors = List.of(new Problem.FieldError("document", e.getMessage(), e.code(), Map.of()));
        return e.unsupportedType()
                ? Problems.response(415, "unsupported-media-type", "Unsupported document type", e.getMessage(), errors)
                : Problems.response(422, "not-a-plan-document", "Not a plan document", e.getMessage(), errors);
    }
}
