package org.luoshi.workflow.inbox.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code POST /api/inbox/{id}/delegate}: the user of the same department who takes the item over. */
public record DelegateRequest(
        @Schema(description = "user name (Keycloak preferred_username) of a colleague in the same department", examples = "wang.li")
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,63}", message = "must be a user name: lower-case letters, digits, '.', '_' and '-'") String to) {
}
