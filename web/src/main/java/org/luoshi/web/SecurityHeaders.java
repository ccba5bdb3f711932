package org.luoshi.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Content-Security-Policy that lets the app talk only to its own origin, Keycloak and the two services named in
 * /config.json, and frame only Keycloak (keycloak-js' silent login check); plus the usual nosniff / referrer /
 * framing headers. Element Plus sets inline styles, hence 'unsafe-inline' for styles only (never for scripts).
 */
@Singleton
public class SecurityHeaders {
    @Inject
    BrowserConfig config;

    String policy() {
        Set<String> apis = new LinkedHashSet<>();
        apis.add("'self'");
        apis.add(origin(config.keycloakUrl()));
        apis.add(origin(config.taskServiceUrl()));
        apis.add(origin(config.workflowServiceUrl()));
        String connect = String.join(" ", apis);
        return "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                + "font-src 'self' data:; connect-src " + connect + "; frame-src 'self' " + origin(config.keycloakUrl())
                + "; frame-ancestors 'self'; form-action 'self' " + origin(config.keycloakUrl())
                + "; base-uri 'self'; object-src 'none'";
    }

    static String origin(String url) {
        URI uri = URI.create(url.trim());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void register(@Observes Filters filters) {
        String policy = policy();
        filters.register(ctx -> {
            ctx.response().putHeader("Content-Security-Policy", policy);
            ctx.response().putHeader("X-Content-Type-Options", "nosniff");
            ctx.response().putHeader("Referrer-Policy", "same-origin");
            ctx.next();
        }, 200);
    }
}
