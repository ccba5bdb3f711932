package org.luoshi.deploy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Genuine tokens of the realm that have expired: issued to a test client whose access tokens live one second (created
 * in the test Keycloak through its admin API with the demo-only bootstrap admin), then waited out.
 */
final class ExpiredTokens {
    private static final String CLIENT = "luoshi-test-expiring";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ExpiredTokens() {
    }

    static String of(String username) throws Exception {
        ensureClient();
        String token = form(KeycloakTokens.issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", CLIENT, "username", username, "password", DemoUsers.PASSWORD)).path("access_token").asText();
        long exp = KeycloakTokens.claims(token).path("exp").asLong();
        // past its expiry by more than any clock skew a validator may allow
        while (Instant.now().getEpochSecond() <= exp + 2) {
            Thread.sleep(250);
        }
        return token;
    }

    private static void ensureClient() throws Exception {
        String admin = form(KeycloakTokens.keycloakUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .path("access_token").asText();
        String clients = KeycloakTokens.keycloakUrl() + "/admin/realms/luoshi/clients";
        HttpResponse<String> found = HTTP.send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CLIENT))
                .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
        if (JSON.readTree(found.body()).size() > 0) {
            return;
        }
        String client = """
                {"clientId":"%s","publicClient":true,"directAccessGrantsEnabled":true,"standardFlowEnabled":false,
                 "attributes":{"access.token.lifespan":"1"},
                 "protocolMappers":[{"name":"audience luoshi-api","protocol":"openid-connect",
                   "protocolMapper":"oidc-audience-mapper",
                   "config":{"included.client.audience":"luoshi-api","access.token.claim":"true"}}]}
                """.formatted(CLIENT);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(clients))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("could not create " + CLIENT + ": " + created.statusCode() + " " + created.body());
        }
    }

    private static JsonNode form(String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
