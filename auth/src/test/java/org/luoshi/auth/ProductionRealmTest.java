package org.luoshi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production realm (realm/luoshi-realm-production.json, imported by deploy/k8s's KeycloakRealmImport): the demo
 * realm without its demo users, its password-grant test client and its demo secret, hardened for the internet — and
 * otherwise the same roles, groups, clients and claims, so that the services see the same tokens in both.
 */
class ProductionRealmTest {
    private static final String KEYCLOAK_ADMIN_CLI = "admin-cli";

    static final Path PRODUCTION_FILE = Path.of("realm/luoshi-realm-production.json");

    /** Realm settings the production realm sets differently from the demo realm (the rest must be equal). */
    static final Set<String> HARDENED_SETTINGS = Set.of("bruteForceProtected", "permanentLockout", "failureFactor",
            "waitIncrementSeconds", "maxFailureWaitSeconds", "minimumQuickLoginWaitSeconds", "quickLoginCheckMilliSeconds",
            "maxDeltaTimeSeconds", "accessTokenLifespan", "ssoSessionIdleTimeout", "ssoSessionMaxLifespan",
            "offlineSessionIdleTimeout", "passwordPolicy", "users", "clients");

    /** Client fields that name the deployment's own addresses and secrets, set at import from the environment. */
    static final Set<String> PER_DEPLOYMENT_CLIENT_FIELDS = Set.of("secret", "description", "redirectUris", "webOrigins");
    static final String POST_LOGOUT = "post.logout.redirect.uris";

    /** Keycloak's import placeholder: the value comes from this environment variable when the realm is imported. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[A-Z][A-Z0-9_]*}");

    static JsonNode production;
    static JsonNode demo;

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        production = json.readTree(PRODUCTION_FILE.toFile());
        demo = json.readTree(RealmDefinitionTest.REALM_FILE.toFile());
    }

    @Test
    void noPersonHasAnAccountOnlyTheWorkflowServiceAccountExists() {
        List<JsonNode> users = StreamSupport.stream(production.path("users").spliterator(), false).toList();
        assertEquals(1, users.size(), "users in the production realm: " + users);
        assertEquals("luoshi-workflow", users.get(0).path("serviceAccountClientId").asText());
        assertTrue(users.get(0).path("credentials").isEmpty(), "the service account has no password");
    }

    @Test
    void noClientCanTradeAPasswordForATokenAndTheTestClientIsAbsent() {
        for (JsonNode client : production.path("clients")) {
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true),
                    client.path("clientId").asText() + " must not allow the password grant");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(false), client.path("clientId").asText() + " implicit flow");
        }
        // admin-cli is Keycloak's own, created in every realm with the password grant on unless the realm declares it
        assertEquals(Set.of("luoshi-api", "luoshi-web", "luoshi-workflow", KEYCLOAK_ADMIN_CLI), clientIds(production));
    }

    @Test
    void bruteForceProtectionLocksAnAccountTemporarilyAfterFiveFailures() {
        assertTrue(production.path("bruteForceProtected").asBoolean(false));
        assertFalse(production.path("permanentLockout").asBoolean(true), "a temporary lockout: permanent ones let anybody lock out anybody");
        assertEquals(5, production.path("failureFactor").asInt());
        assertTrue(production.path("maxFailureWaitSeconds").asInt() >= 900);
    }

    @Test
    void sslIsRequiredForEveryExternalRequest() {
        assertEquals("external", production.path("sslRequired").asText());
    }

    @Test
    void tokensAreShortLivedAndSessionsEndAfterAWorkingDay() {
        assertEquals(300, production.path("accessTokenLifespan").asInt(), "the web app refreshes its token; 5 minutes bound a stolen one");
        assertEquals(1800, production.path("ssoSessionIdleTimeout").asInt());
        assertEquals(36000, production.path("ssoSessionMaxLifespan").asInt());
        assertTrue(production.path("passwordPolicy").asText().contains("length(12)"), "password policy");
    }

    @Test
    void noSecretIsWrittenDownTheWorkflowClientSecretComesFromTheEnvironment() {
        JsonNode workflow = client(production, "luoshi-workflow");
        assertEquals("${LUOSHI_WORKFLOW_CLIENT_SECRET}", workflow.path("secret").asText());
        for (JsonNode client : production.path("clients")) {
            JsonNode secret = client.path("secret");
            assertTrue(secret.isMissingNode() || secret.isNull() || PLACEHOLDER.matcher(secret.asText()).matches(),
                    client.path("clientId").asText() + " has a literal secret");
        }
        assertFalse(production.toString().contains("demo-only"), "a demo value in the production realm");
    }

    @Test
    void theWebAppIsReachedOnlyAtTheDeploymentsOriginNeverOnLocalhost() {
        JsonNode web = client(production, "luoshi-web");
        assertEquals(List.of("${LUOSHI_WEB_ORIGIN}/*"), strings(web.path("redirectUris")));
        assertEquals(List.of("${LUOSHI_WEB_ORIGIN}"), strings(web.path("webOrigins")));
        assertEquals("${LUOSHI_WEB_ORIGIN}/*", web.path("attributes").path(POST_LOGOUT).asText());
        assertFalse(production.toString().contains("localhost"), "a local address in the production realm");
        assertFalse(production.toString().contains("127.0.0.1"), "a local address in the production realm");
    }

    @Test
    void rolesGroupsAndOtherRealmSettingsAreTheDemoRealms() {
        Map<String, JsonNode> prod = fieldsExcept(production, HARDENED_SETTINGS);
        Map<String, JsonNode> dem = fieldsExcept(demo, HARDENED_SETTINGS);
        assertEquals(dem, prod, "realm settings, roles and groups other than the hardened ones");
    }

    @Test
    void eachClientIsTheDemoRealmsClientButForItsAddressesAndSecret() {
        for (JsonNode prodClient : production.path("clients")) {
            String id = prodClient.path("clientId").asText();
            if (id.equals(KEYCLOAK_ADMIN_CLI)) {
                continue; // declared only to turn its password grant off (the demo realm's keeps it for the tests)
            }
            assertEquals(comparable(client(demo, id)), comparable(prodClient), "client " + id + " differs from the demo realm's");
        }
    }

    @Test
    void theWorkflowServiceAccountHasTheDemoRealmsRoles() {
        JsonNode prod = production.path("users").get(0);
        JsonNode dem = StreamSupport.stream(demo.path("users").spliterator(), false)
                .filter(u -> "luoshi-workflow".equals(u.path("serviceAccountClientId").asText())).findFirst().orElseThrow();
        assertEquals(dem, prod);
    }

    // ------------------------------------------------------------------------------------------ helpers

    static Set<String> clientIds(JsonNode realm) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false).map(c -> c.path("clientId").asText())
                .collect(Collectors.toSet());
    }

    static JsonNode client(JsonNode realm, String clientId) {
        return StreamSupport.stream(realm.path("clients").spliterator(), false)
                .filter(c -> clientId.equals(c.path("clientId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no client " + clientId));
    }

    static Map<String, JsonNode> fieldsExcept(JsonNode realm, Set<String> excluded) {
        Map<String, JsonNode> result = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = realm.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!excluded.contains(field.getKey())) {
                result.put(field.getKey(), field.getValue());
            }
        }
        return result;
    }

    static JsonNode comparable(JsonNode client) {
        ObjectNode copy = client.deepCopy();
        copy.remove(PER_DEPLOYMENT_CLIENT_FIELDS);
        ((ObjectNode) copy.path("attributes")).remove(POST_LOGOUT);
        return copy;
    }

    static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
