package org.luoshi.workflow.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.shared.ServiceToken;

/**
 * User names → the names people read (chen.jing → 陈静), from Keycloak. Names change rarely and are asked for on
 * every inbox page, so each is kept for an hour; a user Keycloak does not know, or a Keycloak that cannot be asked,
 * gives the user name itself (kept for a minute): a name is a courtesy, never a reason for a step to fail.
 */
@ApplicationScoped
public class PeopleNames {
    private static final Logger LOG = Logger.getLogger(PeopleNames.class);
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration KEEP_UNKNOWN = Duration.ofMinutes(1);
    private static final int MAX_KEPT = 10_000;

    @Inject
    @RestClient
    KeycloakUsersClient users;

    private record Kept(String name, Instant until) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** The person's display name (family name first for Chinese names), or the user name when there is none. */
    public String name(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        Kept known = kept.get(username);
        if (known != null && Instant.now().isBefore(known.until())) {
            return known.name();
        }
        String name = lookUp(username);
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(username, new Kept(name == null ? username : name,
                Instant.now().plus(name == null ? KEEP_UNKNOWN : KEEP)));
        return name == null ? username : name;
    }

    private String lookUp(String username) {
        try {
            return ServiceToken.withFreshTokenOn401("user " + username, () -> users.findByUsername(username, true, true))
                    .stream().filter(u -> username.equals(u.username())).findFirst()
                    .map(u -> displayName(u.firstName(), u.lastName())).orElse(null);
        } catch (RuntimeException e) {
            LOG.warnf("The name of %s could not be read from Keycloak (%s); the user name is shown instead", username,
                    e.toString());
            return null;
        }
    }

    /** 陈 + 静 → 陈静 (Chinese: family name first, no space); Jane + Doe → Jane Doe; null when neither is set. */
    static String displayName(String firstName, String lastName) {
        String first = firstName == null ? "" : firstName.strip();
        String last = lastName == null ? "" : lastName.strip();
        if (first.isEmpty() && last.isEmpty()) {
            return null;
        }
        if (first.isEmpty() || last.isEmpty()) {
            return first + last;
        }
        return isCjk(last) ? last + first : first + " " + last;
    }

    private static boolean isCjk(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
