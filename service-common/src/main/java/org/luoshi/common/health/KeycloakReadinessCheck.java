package org.luoshi.common.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Ready only while the realm's discovery document answers: without it no token can be validated. Asked with the
 * Vert.x web client that OIDC has already loaded and used at start (discovery, JWKS), on the event loop: the JDK's
 * {@code java.net.http} client it replaces cost the first probe after the HTTP server opened ~0.5 s of a cold start
 * (its classes, its selector thread and the default {@code SSLContext} with the trust store, even for an http realm),
 * which every restart waited for before its first 200 (deploy/bench/RESULTS.md, branch h8-ready).
 */
@Readiness
@ApplicationScoped
public class KeycloakReadinessCheck implements AsyncHealthCheck {
    static final int CONNECT_TIMEOUT_MS = 2_000;
    static final long REQUEST_TIMEOUT_MS = 3_000;

    private final String realmUrl;
    private final WebClient http;

    @Inject
    public KeycloakReadinessCheck(Vertx vertx, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String realmUrl) {
        this.realmUrl = realmUrl;
        this.http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("keycloak").withData("realm", realmUrl);
        return http.getAbs(realmUrl + "/.well-known/openid-configuration").timeout(REQUEST_TIMEOUT_MS).send()
                .map(response -> builder.status(response.statusCode() == 200).withData("status", response.statusCode())
                        .build())
                .onFailure().recoverWithItem(e -> builder.down().withData("error", "unreachable").build());
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
