package org.luoshi.workflow.directory;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * Keycloak's admin API of the realm {@code luoshi} ({@code configKey = keycloak-admin}, base URL
 * {@code <keycloak>/admin/realms/luoshi}), read with the service account of {@code luoshi-workflow}, which holds the
 * {@code realm-management} role {@code view-users} for this and nothing more. Used to check who an item may be
 * handed to and to name people where their user name would be shown.
 */
@Path("/users")
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakUsersClient {
    /** A user as the admin API lists them; {@code attributes} e.g. {@code organisation}; names as people read them. */
    record User(String id, String username, boolean enabled, Map<String, List<String>> attributes, String firstName,
            String lastName) {
    }

    /** A group of a user; {@code path} e.g. {@code /departments/haidian}. */
    record Group(String path) {
    }

    /** A realm role. */
    record Role(String name) {
    }

    /** The users whose user name is exactly {@code username} (zero or one), with their attributes. */
    @GET
    List<User> findByUsername(@QueryParam("username") String username, @QueryParam("exact") boolean exact,
            @QueryParam("briefRepresentation") boolean briefRepresentation);

    /** The user's groups ({@code path} e.g. {@code /departments/haidian}). */
    @GET
    @Path("/{id}/groups")
    List<Group> groups(@PathParam("id") String userId);

    /** The user's effective realm roles (composites expanded). */
    @GET
    @Path("/{id}/role-mappings/realm/composite")
    List<Role> effectiveRealmRoles(@PathParam("id") String userId);
}
