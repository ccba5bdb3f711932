package org.luoshi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keycloak as {@code ./luoshi.sh run --prod} runs it: built for PostgreSQL, started in production mode on an empty
 * database of its own, the production realm imported with the workflow client's secret from the environment, its
 * first person created by {@code keycloak.sh ensure-user}. Its own instance ({@code prod-it}) on free ports.
 *
 * <p>Database: {@code -Dluoshi.it.keycloak-db} (default luoshi_keycloak_test, role luoshi_keycloak, created by
 * {@code deploy/bin/postgres.sh ensure}) on port {@code -Dluoshi.test.pg-port} (15433); its schema is dropped first.
 */
class ProductionKeycloakIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String DB = System.getProperty("luoshi.it.keycloak-db", "luoshi_keycloak_test");
    /** The test suite's own PostgreSQL cluster ({@code ./luoshi.sh test} passes its port). */
    private static final String DB_URL = "jdbc:postgresql://localhost:" + System.getProperty("luoshi.test.pg-port", "15433") + "/" + DB;
    private static final String DB_USER = "luoshi_keycloak";
    /** The role's password where postgres.sh created it for the demo and the tests (DEMO ONLY). */
    private static final String DB_PASSWORD = System.getProperty("luoshi.it.keycloak-db-password", "luoshi_keycloak_demo");
    private static final String SECRET = "it-" + UUID.randomUUID();
    private static final String ADMIN_PASSWORD = "it-" + UUID.randomUUID();
    private static final String PERSON = "it.supervisor";
    private static final String PERSON_PASSWORD = "It-" + UUID.randomUUID();
    private static final int PORT = freePort();
    private static final int MGMT_PORT = freePort();
    private static final String BASE = "http://localhost:" + PORT;
    private static final String TOKEN_URL = BASE + "/realms/luoshi/protocol/openid-connect/token";

    @BeforeAll
    static void startKeycloakInProductionMode() throws Exception {
        try (Connection c = DriverManager.getConnection(DB_URL, DB_USER, DB_PASSWORD); Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        }
        keycloakSh("start", Duration.ofMinutes(15));
        keycloakSh("ensure-user", Duration.ofMinutes(1));
    }

    @AfterAll
    static void stopKeycloak() throws Exception {
        keycloakSh("stop", Duration.ofMinutes(1));
    }

    @Test
    void noClientOfTheRealmTradesAPasswordForATokenNotEvenKeycloaksOwn() throws Exception {
        List<String> clients = adminGet("/clients").findValuesAsText("clientId");
        assertTrue(clients.containsAll(List.of("luoshi-web", "luoshi-workflow", "admin-cli")), "clients: " + clients);
        assertFalse(clients.contains("luoshi-test"), "the tests' password client is the demo realm's only");
        for (String client : clients) {
            HttpResponse<String> response = post(TOKEN_URL, Map.of("grant_type", "password", "client_id", client,
                    "client_secret", SECRET, "username", PERSON, "password", PERSON_PASSWORD));
            // refused for the client's sake: "invalid_grant" would mean the client takes passwords and only the
            // account stopped it (e.g. "Account is not fully set up")
            String error = JSON.readTree(response.body()).path("error").asText();
            assertTrue(List.of("unauthorized_client", "invalid_client").contains(error), client + ": " + response.body());
        }
    }

    @Test
    void bruteForceProtectionIsOn() throws Exception {
        JsonNode realm = adminGet("");
        assertTrue(realm.path("bruteForceProtected").asBoolean(false), "bruteForceProtected");
        assertFalse(realm.path("permanentLockout").asBoolean(true), "a temporary lockout, not a permanent one");
        assertEquals(5, realm.path("failureFactor").asInt());
    }

    @Test
    void theWorkflowClientGetsATokenWithTheSecretFromTheEnvironmentOnly() throws Exception {
        HttpResponse<String> granted = post(TOKEN_URL,
                Map.of("grant_type", "client_credentials", "client_id", "luoshi-workflow", "client_secret", SECRET));
        assertEquals(200, granted.statusCode(), granted.body());
        JsonNode claims = payload(JSON.readTree(granted.body()).path("access_token").asText());
        assertTrue(claims.path("realm_access").path("roles").toString().contains("\"service\""), claims.toString());
        assertTrue(claims.path("aud").toString().contains("luoshi-api"), claims.toString());

        for (String other : List.of("demo-only-workflow-secret", "${LUOSHI_WORKFLOW_CLIENT_SECRET}")) {
            HttpResponse<String> refused = post(TOKEN_URL,
                    Map.of("grant_type", "client_credentials", "client_id", "luoshi-workflow", "client_secret", other));
            assertEquals(401, refused.statusCode(), other + ": " + refused.body());
        }
    }

    @Test
    void theFirstPersonIsAnAdminAndSupervisorOfTheSupervisionOffice() throws Exception {
        JsonNode user = adminGet("/users?exact=true&username=" + PERSON).get(0);
        String id = user.path("id").asText();
        List<String> roles = adminGet("/users/" + id + "/role-mappings/realm").findValuesAsText("name");
        assertTrue(roles.containsAll(List.of("admin", "supervisor")), "roles: " + roles);
        assertEquals(List.of("/departments/supervision"), adminGet("/users/" + id + "/groups").findValuesAsText("path"));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void keycloakSh(String command, Duration limit) throws IOException, InterruptedException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        Path log = Path.of("target/production-keycloak-it-" + command + ".log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("bash", repo.resolve("auth/bin/keycloak.sh").toString(), command)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.putAll(Map.of("KEYCLOAK_MODE", "production", "KEYCLOAK_INSTANCE", "prod-it",
                "KEYCLOAK_PORT", String.valueOf(PORT), "KEYCLOAK_MGMT_PORT", String.valueOf(MGMT_PORT),
                "KEYCLOAK_DB_URL", DB_URL, "KEYCLOAK_DB_PASSWORD", DB_PASSWORD, "KEYCLOAK_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "LUOSHI_WORKFLOW_CLIENT_SECRET", SECRET, "LUOSHI_WEB_ORIGIN", "http://localhost:18080"));
        env.putAll(Map.of("LUOSHI_ADMIN_USER", PERSON, "LUOSHI_ADMIN_PASSWORD", PERSON_PASSWORD));
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroy();
            throw new AssertionError("keycloak.sh " + command + " still running after " + limit + ":\n" + Files.readString(log));
        }
        assertEquals(0, process.exitValue(), "keycloak.sh " + command + ":\n" + Files.readString(log));
    }

    private static JsonNode adminGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> token = post(BASE + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", ADMIN_PASSWORD));
        assertEquals(200, token.statusCode(), token.body());
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/luoshi" + path))
                .header("Authorization", "Bearer " + JSON.readTree(token.body()).path("access_token").asText())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> post(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode payload(String jwt) throws IOException {
        return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
