package org.luoshi.task.tracking.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.task.tracking.api.EvidenceDownload;
import org.luoshi.task.tracking.application.EvidenceService;

import io.quarkus.security.Authenticated;

@Path("/api/evidence")
@Authenticated
@Tag(name = "evidence", description = "佐证材料 Evidence files of milestones")
public class EvidenceResource {
    @Inject
    EvidenceService evidence;

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN, Roles.SERVICE })
    @Operation(summary = "Download an evidence file; a file of a task the caller does not see answers 404")
    public Response download(@PathParam("id") long id) {
        EvidenceDownload file = evidence.download(id);
        String ascii = file.fileName().replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(file.content(), file.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
