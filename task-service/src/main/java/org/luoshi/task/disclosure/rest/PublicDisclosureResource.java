package org.luoshi.task.disclosure.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.disclosure.api.DisclosureContent;
import org.luoshi.task.disclosure.api.DisclosureSummary;
import org.luoshi.task.disclosure.api.OpenDataSchema;
import org.luoshi.task.disclosure.api.PublicDocument;
import org.luoshi.task.disclosure.api.PublicPlanView;
import org.luoshi.task.disclosure.api.PublicSnapshot;
import org.luoshi.task.disclosure.application.PublicDisclosureService;

/**
 * 公开 What the public reads without logging in: published status snapshots, published documents and open data.
 * Published content never changes, so what is addressed by id is cached for a year (immutable) with its SHA-256 as
 * ETag; lists and "latest" change when something is published and are cached briefly.
 */
@Path("/api/public")
@PermitAll
@Tag(name = "public", description = "公开 Public disclosure without login: published status snapshots, documents, open data")
public class PublicDisclosureResource {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String SHORT = "public, max-age=300";
    private static final String JSON_UTF8 = "application/json;charset=UTF-8";
    private static final String CSV_UTF8 = "text/csv;charset=UTF-8;header=present";

    @Inject
    PublicDisclosureService disclosure;

    @Inject
    org.luoshi.task.disclosure.application.PublicSuccession publicSuccession;

    @Context
    Request request;

    @GET
    @Path("plans")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plans with at least one published status snapshot")
    public Response plans() {
        List<PublicPlanView> plans = disclosure.plans();
        return Response.ok(plans).header(HttpHeaders.CACHE_CONTROL, SHORT).build();
    }

    @GET
    @Path("plans/{planId}/succession")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published plan's predecessor and successor (when published) and, for each indicator "
            + "continuing one of the predecessor's, the series across both plans as published")
    @APIResponse(responseCode = "200", description = "The succession")
    @APIResponse(responseCode = "404", description = "No published plan with this id")
    public Response succession(@PathParam("planId") String planId) {
        return Response.ok(publicSuccession.of(PublicIds.parse(planId, "planId")))
                .header(HttpHeaders.CACHE_CONTROL, SHORT).build();
    }

    @GET
    @Path("plans/{planId}/snapshots")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A plan's published status snapshots, newest first; a plan never published answers 404")
    public Response snapshots(@PathParam("planId") String planId) {
        List<DisclosureSummary> list = disclosure.snapshotsOf(PublicIds.parse(planId, "planId"));
        return Response.ok(list).header(HttpHeaders.CACHE_CONTROL, SHORT).build();
    }

    @GET
    @Path("snapshots/latest")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The newest published status snapshot of a plan")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureContent.class)))
    public Response latest(@Parameter(description = "the plan", required = true) @QueryParam("planId") String planId) {
        PublicSnapshot snapshot = disclosure.latest(PublicIds.parse(planId, "planId"));
        return conditional(new EntityTag(snapshot.sha256()), SHORT, () -> Response.ok(snapshot.content(), JSON_UTF8));
    }

    @GET
    @Path("snapshots/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A published status snapshot, byte for byte as published (ETag: its SHA-256)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DisclosureContent.class)))
    public Response snapshot(@PathParam("id") String id) {
        PublicSnapshot snapshot = disclosure.snapshot(PublicIds.parse(id, "id"));
        return conditional(new EntityTag(snapshot.sha256()), IMMUTABLE, () -> Response.ok(snapshot.content(), JSON_UTF8));
    }

    @GET
    @Path("documents/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a published document (an evaluation report); ETag: its SHA-256")
    public Response document(@PathParam("id") String id) {
        PublicDocument document = disclosure.document(PublicIds.parse(id, "id"));
        return conditional(new EntityTag(document.sha256()), IMMUTABLE, () -> Response.ok(document.content(), document.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(document.filename()))
                .header("X-Content-Type-Options", "nosniff"));
    }

    @GET
    @Path("open-data/schema")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The open-data tables and every field's name, type and meaning in Chinese and English")
    public Response schema() {
        return Response.ok(OpenDataSchema.CURRENT).header(HttpHeaders.CACHE_CONTROL, "public, max-age=3600").build();
    }

    @GET
    @Path("open-data/snapshots/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every open-data table of a published snapshot as JSON rows (chapters, departments, indicators)")
    public Response openData(@PathParam("id") String id) {
        long snapshotId = PublicIds.parse(id, "id");
        return Response.ok(disclosure.openData(snapshotId)).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE).build();
    }

    @GET
    @Path("open-data/snapshots/{id}/{file}")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "One open-data table of a published snapshot: chapters|departments|indicators, .json or .csv (UTF-8 with BOM)")
    public Response openDataFile(@PathParam("id") String id, @PathParam("file") String file) {
        long snapshotId = PublicIds.parse(id, "id");
        return tableFile(snapshotId, file, IMMUTABLE);
    }

    @GET
    @Path("open-data/plans/{planId}/latest/{file}")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "One open-data table of the plan's newest published snapshot: chapters|departments|indicators, .json or .csv")
    public Response latestOpenDataFile(@PathParam("planId") String planId, @PathParam("file") String file) {
        long snapshotId = disclosure.latest(PublicIds.parse(planId, "planId")).id();
        return tableFile(snapshotId, file, SHORT);
    }

    private Response tableFile(long snapshotId, String file, String cacheControl) {
        int dot = file.lastIndexOf('.');
        String name = dot < 0 ? file : file.substring(0, dot);
        String format = dot < 0 ? "" : file.substring(dot + 1);
        OpenDataSchema.Table table = OpenDataSchema.table(name).filter(t -> format.equals("csv") || format.equals("json"))
                .orElseThrow(() -> new ResourceNotFoundException("open-data file", file));
        if (format.equals("json")) {
            return Response.ok(disclosure.openDataTable(snapshotId, table), JSON_UTF8).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .build();
        }
        byte[] csv = disclosure.openDataCsv(snapshotId, table);
        return Response.ok(csv, CSV_UTF8).header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("snapshot-" + snapshotId + "-" + table.name() + ".csv"))
                .build();
    }

    /** 304 when the client holds this very content, else the response with the ETag and cache policy. */
    private Response conditional(EntityTag tag, String cacheControl, java.util.function.Supplier<Response.ResponseBuilder> ok) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder = notModified != null ? notModified : ok.get();
        return builder.tag(tag).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    private static String attachment(String filename) {
        String ascii = filename.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
