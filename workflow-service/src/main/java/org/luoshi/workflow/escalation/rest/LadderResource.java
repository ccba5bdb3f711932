package org.luoshi.workflow.escalation.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.luoshi.common.security.Roles;
import org.luoshi.workflow.escalation.LadderView;
import org.luoshi.workflow.escalation.LadderService;

import io.quarkus.security.Authenticated;

/** The reminder → 催办 → 督办 ladder, read-only: it is configuration, changed by the operators, not through the API. */
@Path("/api/ladder")
@Authenticated
@Tag(name = "ladder", description = "提醒、催办、督办: when each rung fires and whom it notifies")
@Produces(MediaType.APPLICATION_JSON)
public class LadderResource {

    @Inject
    LadderService ladder;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "The ladder as configured (luoshi.workflow.ladder.*): each rung's offset from the due date and recipients")
    public LadderView get() {
        return ladder.view();
    }
}
