package org.luoshi.workflow.directory;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.luoshi.workflow.taskservice.ServiceCalls;

import com.fasterxml.jackson.databind.JsonNode;

/** A person as Keycloak knows them now: enabled, their departments, effective realm roles and organisation. */
@ApplicationScoped
public class PeopleDirectory {
    private static final String DEPARTMENT_PATH = "/departments/";

    /** An enabled user of the realm. */
    public record Person(String username, Set<String> departments, Set<String> roles, String organisation) {
    }

    @Inject
    @RestClient
    KeycloakUsersClient users;

    /** The enabled person with exactly this user name, if any. */
    public Optional<Person> find(String username) {
        try {
            JsonNode user = ServiceCalls.withFreshTokenOn401("user " + username, () -> users.findByUsername(username, true, false)).stream()
                    .filter(u -> username.equals(u.path("username").asText())).findFirst().orElse(null);
            if (user == null || !user.path("enabled").asBoolean(false)) {
                return Optional.empty();
            }
            String id = user.path("id").asText();
            Set<String> departments = ServiceCalls.withFreshTokenOn401("groups of " + username, () -> users.groups(id)).stream().map(g -> g.path("path").asText())
                    .filter(path -> path.startsWith(DEPARTMENT_PATH)).map(path -> path.substring(DEPARTMENT_PATH.length()))
                    .collect(Collectors.toSet());
            Set<String> roles = ServiceCalls.withFreshTokenOn401("roles of " + username, () -> users.effectiveRealmRoles(id)).stream().map(r -> r.path("name").asText())
                    .collect(Collectors.toSet());
            JsonNode organisation = user.path("attributes").path("organisation");
            return Optional.of(new Person(username, departments, roles,
                    organisation.isArray() && !organisation.isEmpty() ? organisation.get(0).asText() : null));
        } catch (WebApplicationException e) {
            throw new DirectoryUnavailableException("Keycloak answered " + e.getResponse().getStatus()
                    + " when asked about user " + username, e);
        } catch (RuntimeException e) {
            throw new DirectoryUnavailableException("Keycloak could not be asked about user " + username, e);
        }
    }
}
