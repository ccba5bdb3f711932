package org.luoshi.workflow.inbox.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.input.Paging;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.assignment.api.CompleteRequest;
import org.luoshi.workflow.assignment.api.CompletionResult;
import org.luoshi.workflow.inbox.api.InboxCount;
import org.luoshi.workflow.inbox.api.InboxItem;
import org.luoshi.workflow.inbox.api.InboxPage;
import org.luoshi.workflow.inbox.api.BulkItemResult;
import org.luoshi.workflow.inbox.api.BulkRequest;
import org.luoshi.workflow.inbox.api.CommentRequest;
import org.luoshi.workflow.inbox.api.DelegateRequest;
import org.luoshi.workflow.inbox.api.HistoryEntry;
import org.luoshi.workflow.inbox.application.InboxActionService;
import org.luoshi.workflow.inbox.application.InboxBulkService;
import org.luoshi.workflow.inbox.application.InboxQueries;
import org.luoshi.workflow.inbox.application.InboxService;

import io.quarkus.security.Authenticated;

@Path("/api/inbox")
@Authenticated
@Tag(name = "inbox", description = "待办: work items of the caller's departments")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    @Inject
    InboxService inbox;

    @Inject
    InboxActionService actions;

    @Inject
    InboxBulkService bulk;

    @GET
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Open work items of the caller's departments and roles, or held by the caller; earliest due first",
            description = "Reads the inbox read model only. Filters: processKey, activity (repeatable: the BPMN activity ids "
                    + "of the kinds of item wanted, e.g. activity=reviewReport for the milestone reports waiting for 督查室审核), "
                    + "section, dueFrom/dueTo (ISO instants, dueTo exclusive), overdue=true, text (in the name, the plan "
                    + "task's title, the milestone's title and the business key). total and overdue count every matching item.")
    @APIResponse(responseCode = "200", description = "The page, with total and overdue of all matching items")
    @APIResponse(responseCode = "400", description = "A bad filter or paging parameter, naming it")
    public InboxPage list(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(Paging.MAX_PAGE) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
            @Valid @BeanParam InboxFilterParams filters) {
        return inbox.list(page, size, filters.toFilter());
    }

    @GET
    @Path("/count")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "How many open work items the inbox holds for these filters (the list's total and overdue), "
            + "without a page: one indexed count")
    @APIResponse(responseCode = "200", description = "total and overdue of the matching items")
    @APIResponse(responseCode = "400", description = "A bad filter parameter, naming it")
    public InboxCount count(@Valid @BeanParam InboxFilterParams filters) {
        return inbox.count(filters.toFilter());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "One work item; 404 when it does not exist or is not the caller's")
    public InboxItem get(@PathParam("id") String id) {
        return inbox.get(id);
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Accept the task or return it with a reason",
            description = "Claims the item for the caller and completes it; 404 when it does not exist or is not the caller's.")
    public CompletionResult complete(@PathParam("id") String id, @NotNull @Valid CompleteRequest request) {
        return inbox.complete(id, request);
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Take the item (签收); 409 when someone else holds it")
    public InboxItem claim(@PathParam("id") String id) {
        return actions.claim(id);
    }

    @POST
    @Path("/{id}/unclaim")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Give the item back to its groups; the holder or a supervisor")
    public InboxItem unclaim(@PathParam("id") String id) {
        return actions.unclaim(id);
    }

    @POST
    @Path("/{id}/delegate")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Hand the held item to a colleague of the same department (转办)")
    public InboxItem delegate(@PathParam("id") String id, @NotNull @Valid DelegateRequest request) {
        return actions.delegate(id, request.to());
    }

    @POST
    @Path("/{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Comment on the item (1 to 2000 characters)")
    public Response comment(@PathParam("id") String id, @NotNull @Valid CommentRequest request) {
        return Response.status(Response.Status.CREATED).entity(actions.comment(id, request.text())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.STAFF, Roles.SUPERVISOR, Roles.EVALUATOR, Roles.ADMIN })
    @Operation(summary = "Who did what to the item, and when: created, claimed, delegated, commented, completed")
    public List<HistoryEntry> history(@PathParam("id") String id) {
        return actions.history(id);
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "APPROVE / REJECT review tasks or REASSIGN returned tasks, each item on its own",
            description = "Answers 200 with one result per item; an item that fails (not found, not the caller's, wrong kind, "
                    + "already done) carries an RFC 9457 problem and does not undo the others.")
    public List<BulkItemResult> bulk(@NotNull @Valid BulkRequest request) {
        return bulk.apply(request);
    }
}
