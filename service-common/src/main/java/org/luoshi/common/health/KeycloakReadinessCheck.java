package org.luoshi.common.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the realm's discovery document answers: without it no token can be validated. */
@Readiness
@ApplicationScoped
public class KeycloakReadinessCheck implements HealthCheck {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Override
    public HealthCheckResponse call() {
        String discovery = realmUrl + "/.well-known/openid-configuration";
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("keycloak").withData("realm", realmUrl);
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return builder.status(response.statusCode() == 200).withData("status", response.statusCode()).build();
        } catch (Exception e) {
            return builder.down().withData("error", "unreachable").build();
        } 
    }
}
