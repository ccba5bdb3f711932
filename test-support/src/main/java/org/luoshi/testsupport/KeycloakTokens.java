package org.luoshi.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Access tokens from the real Keycloak that the test runner started (see luoshi.sh test),
 * and forged look-alikes that a service must refuse.
 */
public final class KeycloakTokens {
    public static final String REALM = "luoshi";
    public static final String TEST_CLIENT = "luoshi-test";
    public static final String WORKFLOW_CLIENT = "luoshi-workflow";
    /** Demo-only secret of the workflow service account, as in the realm file. */
    public static final String WORKFLOW_SECRET_DEMO_ONLY = "demo-only-workflow-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Tokens live 15 minutes; reusing one for a few minutes keeps the suite from logging in hundreds of times. */
    private static final Duration REUSE = Duration.ofMinutes(4);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    /** Base URL of the test Keycloak, e.g. http://localhost:18180. */
    public static String keycloakUrl() {
        String fromProperty = System.getProperty("luoshi.test.keycloak-url");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return fromProperty;
        }
        String fromEnv = System.getenv("LUOSHI_TEST_KEYCLOAK_URL");
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "http://localhost:18180";
    }

    public static String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    /** A real access token of a demo user (password grant through the test client). */
    public static String accessToken(String username) {
        return cached("user:" + username, () -> requestToken(Map.of(
                "grant_type", "password",
                "client_id", TEST_CLIENT,
                "username", username,
                "password", DemoUsers.PASSWORD)));
    }

    /**
     * A real token of a demo user issued to Keycloak's built-in {@code admin-cli} client: correctly signed by
     * the realm, but not meant for Luoshi's API (its audience lacks luoshi-api), so the services must refuse it.
     */
    public static String tokenForAnotherAudience(String username) {
        return cached("admin-cli:" + username, () -> requestToken(Map.of(
                "grant_type", "password",
                "client_id", "admin-cli",
                "username", username,
                "password", DemoUsers.PASSWORD)));
    }

    /** A real access token of workflow-service's service account (client credentials). */
    public static String serviceAccountToken() {
        return cached("client:" + WORKFLOW_CLIENT, () -> requestToken(Map.of(
                "grant_type", "client_credentials",
                "client_id", WORKFLOW_CLIENT,
                "client_secret", WORKFLOW_SECRET_DEMO_ONLY)));
    }

    /**
     * A token with the claims a real one of this user would have (issuer, audience, roles, departments)
     * but signed by a key Keycloak never saw: the services must answer 401.
     */
    public static String forgedToken(String username, List<String> roles, List<String> departments) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            long now = Instant.now().getEpochSecond();
            Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT", "kid", "forged");
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", issuer());
            claims.put("aud", List.of("luoshi-api"));
            claims.put("sub", "forged-" + username);
            claims.put("preferred_username", username);
            claims.put("azp", TEST_CLIENT);
            claims.put("iat", now);
            claims.put("exp", now + 600);
            claims.put("realm_access", Map.of("roles", roles));
            claims.put("departments", departments);
            String signingInput = base64Url(JSON.writeValueAsBytes(header)) + "." + base64Url(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not forge a token", e);
        }
    }

    /** The decoded payload of a JWT, for assertions on what Keycloak put in it. */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    private static String requestToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak at " + keycloakUrl() + " refused a token (" + response.statusCode()
                        + "): " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + keycloakUrl()
                    + " — run the tests through ./luoshi.sh test, which starts it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.fetchedAt.plus(REUSE).isAfter(Instant.now())) {
            return hit.token;
        }
        String token = fetch.get();
        CACHE.put(key, new Cached(token, Instant.now()));
        return token;
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private record Cached(String token, Instant fetchedAt) {
    }
}
