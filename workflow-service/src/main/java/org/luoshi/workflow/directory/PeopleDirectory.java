package org.luoshi.workflow.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.luoshi.workflow.shared.ServiceToken;

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
            KeycloakUsersClient.User user = ServiceToken.withFreshTokenOn401("user " + username,
                    () -> users.findByUsername(username, true, false)).stream()
                    .filter(u -> username.equals(u.username())).findFirst().orElse(null);
            if (user == null || !user.enabled()) {
                return Optional.empty();
            }
            Set<String> departments = ServiceToken.withFreshTokenOn401("groups of " + username, () -> users.groups(user.id()))
                    .stream().map(KeycloakUsersClient.Group::path).filter(path -> path != null && path.startsWith(DEPARTMENT_PATH))
                    .map(path -> path.substring(DEPARTMENT_PATH.length())).collect(Collectors.toSet());
            Set<String> roles = ServiceToken.withFreshTokenOn401("roles of " + username, () -> users.effectiveRealmRoles(user.id()))
                    .stream().map(KeycloakUsersClient.Role::name).collect(Collectors.toSet());
            List<String> organisation = user.attributes() == null ? null : user.attributes().get("organisation");
            return Optional.of(new Person(username, departments, roles,
                    organisation == null || organisation.isEmpty() ? null : organisation.get(0)));
        } catch (WebApplicationException e) {
            throw new DirectoryUnavailableException("Keycloak answered " + e.getResponse().getStatus()
                    + " when asked about user " + username, e);
        } catch (RuntimeException e) {
            throw new DirectoryUnavailableException("Keycloak could not be asked about user " + username, e);
        }
    }
}
