package org.luoshi.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the Keycloak realm definition (realm/luoshi-realm.json) without a server: roles, the department
 * groups against the canonical list docs/departments.tsv, token claims, clients and demo users.
 * Paths are relative to the module directory (surefire's working directory).
 */
class RealmDefinitionTest {

    static final Path REALM_FILE = Path.of("realm/luoshi-realm.json");
    static final Path DEPARTMENTS_FILE = Path.of("../docs/departments.tsv");

    /** Clients that obtain tokens for use against Luoshi services. */
    static final List<String> TOKEN_CLIENTS = List.of("luoshi-web", "luoshi-workflow", "luoshi-test");
    /** Clients through which people log in. */
    static final List<String> HUMAN_LOGIN_CLIENTS = List.of("luoshi-web", "luoshi-test");

    record Department(String code, String nameZh, String nameEn, String kind) {}

    record DemoUser(String username, String lastName, String firstName, String role, String department) {}

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("zhang.wei", "张", "伟", "staff", "stc-zgc"),
            new DemoUser("wang.fang", "王", "芳", "staff", "drc"),
            new DemoUser("li.na", "李", "娜", "staff", "haidian"),
            // a colleague of li.na, to whom she may hand an item (转办)
            new DemoUser("wang.li", "王", "丽", "staff", "haidian"),
            new DemoUser("liu.yang", "刘", "洋", "staff", "chaoyang"),
            new DemoUser("zhou.qiang", "周", "强", "staff", "eit"),
            new DemoUser("chen.jing", "陈", "静", "supervisor", "supervision"),
            // staff placed in the supervising office's department: sees its department's items, decides nothing
            new DemoUser("wu.gang", "吴", "刚", "staff", "supervision"),
            new DemoUser("zhao.min", "赵", "敏", "evaluator", null),
            new DemoUser("qian.hui", "钱", "慧", "evaluator", null),
            new DemoUser("sun.lei", "孙", "磊", "admin", null));

    static JsonNode realm;
    static List<Department> departments;

    @BeforeAll
    static void load() throws IOException {
        realm = new ObjectMapper().readTree(REALM_FILE.toFile());
        departments = readDepartments();
    }

    static List<Department> readDepartments() throws IOException {
        List<Department> result = new ArrayList<>();
        List<String> lines = Files.readAllLines(DEPARTMENTS_FILE, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            assertEquals(4, cols.length, "departments.tsv line " + (i + 1) + " must have 4 tab-separated columns");
            result.add(new Department(cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3].strip()));
        }
        return result;
    }

    // ------------------------------------------------------------------------------------------ realm

    @Test
    void realmIsLuoshiInChineseByDefaultWithEnglishAndFifteenMinuteAccessTokens() {
        assertEquals("luoshi", text(realm, "realm"));
        assertEquals("落实 Luoshi", text(realm, "displayName"));
        assertTrue(realm.path("enabled").asBoolean());
        assertTrue(realm.path("internationalizationEnabled").asBoolean());
        assertEquals("zh-CN", text(realm, "defaultLocale"));
        assertEquals(Set.of("zh-CN", "en"), strings(realm.path("supportedLocales")));
        assertEquals(900, realm.path("accessTokenLifespan").asInt());
    }

    @Test
    void nobodyCanRegisterOrResetAPasswordThemselves() {
        assertFalse(realm.path("registrationAllowed").asBoolean(true), "registration must be off");
        assertFalse(realm.path("resetPasswordAllowed").asBoolean(true), "reset password must be off");
    }

    // ------------------------------------------------------------------------------------------ roles

    @Test
    void realmDefinesTheFourHumanRolesWithChineseDescriptionsAndTheServiceRole() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("staff", "部门工作人员");
        expected.put("supervisor", "督查室");
        expected.put("evaluator", "第三方评估机构");
        expected.put("admin", "系统管理员");
        expected.put("service", "workflow-service");

        Map<String, String> actual = new LinkedHashMap<>();
        for (JsonNode role : realm.path("roles").path("realm")) {
            actual.put(text(role, "name"), text(role, "description"));
        }
        assertEquals(expected.keySet(), actual.keySet(), "realm roles (default roles are created by Keycloak)");
        expected.forEach((role, mustContain) -> assertTrue(actual.get(role) != null && actual.get(role).contains(mustContain),
                "description of role '" + role + "' must mention '" + mustContain + "' but is: " + actual.get(role)));
        for (JsonNode role : realm.path("roles").path("realm")) {
            assertFalse(role.path("composite").asBoolean(), "role " + text(role, "name") + " must not be composite");
        }
    }

    // ------------------------------------------------------------------------------------------ groups

    @Test
    void theCanonicalDepartmentListHas45UniqueCodes() {
        assertEquals(45, departments.size(), "rows in docs/departments.tsv");
        Set<String> codes = departments.stream().map(Department::code).collect(Collectors.toSet());
        assertEquals(departments.size(), codes.size(), "department codes must be unique");
    }

    @Test
    void departmentsIsTheOnlyTopLevelGroup() {
        JsonNode groups = realm.path("groups");
        assertEquals(1, groups.size(), "top-level groups");
        assertEquals("departments", text(groups.get(0), "name"));
    }

    @Test
    void everyDepartmentOfTheCanonicalListIsAGroupCarryingItsCode() {
        JsonNode subGroups = departmentsGroup().path("subGroups");
        for (Department d : departments) {
            List<JsonNode> matches = stream(subGroups).filter(g -> d.code().equals(text(g, "name"))).toList();
            assertEquals(1, matches.size(), "subgroups of /departments named '" + d.code() + "'");
            JsonNode group = matches.get(0);
            if (group.has("path")) {
                assertEquals("/departments/" + d.code(), text(group, "path"));
            }
            JsonNode attributes = group.path("attributes");
            assertEquals(List.of(d.nameZh()), stringList(attributes.path("name_zh")), d.code() + " name_zh");
            assertEquals(List.of(d.nameEn()), stringList(attributes.path("name_en")), d.code() + " name_en");
            assertEquals(List.of(d.kind()), stringList(attributes.path("kind")), d.code() + " kind");
            assertEquals(0, group.path("subGroups").size(), d.code() + " must have no subgroups");
        }
    }

    @Test
    void thereIsNoDepartmentGroupOutsideTheCanonicalList() {
        Set<String> canonical = departments.stream().map(Department::code).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inRealm = stream(departmentsGroup().path("subGroups")).map(g -> text(g, "name"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> extra = new TreeSet<>(inRealm);
        extra.removeAll(canonical);
        assertTrue(extra.isEmpty(), "groups under /departments missing from docs/departments.tsv: " + extra);
        assertEquals(canonical.size(), departmentsGroup().path("subGroups").size(), "number of department groups");
    }

    // ------------------------------------------------------------------------------------------ token claims

    @Test
    void everyTokenClientEmitsTheDepartmentCodesAsTheDepartmentsClaim() {
        for (String clientId : TOKEN_CLIENTS) {
            List<JsonNode> mappers = mappersOf(client(clientId)).stream()
                    .filter(m -> "oidc-group-membership-mapper".equals(text(m, "protocolMapper")))
                    .toList();
            assertEquals(1, mappers.size(), clientId + ": group membership mappers");
            JsonNode config = mappers.get(0).path("config");
            assertEquals("departments", text(config, "claim.name"), clientId + ": claim name");
            assertEquals("false", text(config, "full.path"), clientId + ": codes, not /departments/<code> paths");
            assertEquals("true", text(config, "multivalued"), clientId + ": the claim is a JSON array");
            assertEquals("true", text(config, "access.token.claim"), clientId + ": in the access token");
            assertEquals("true", text(config, "id.token.claim"), clientId + ": in the id token");
            assertEquals("true", text(config, "userinfo.token.claim"), clientId + ": in userinfo");
        }
    }

    @Test
    void noMapperOrScopeOfOurClientsEmitsAClaimNamedGroupsWhichWouldHideTheRolesFromQuarkus() {
        List<JsonNode> allMappers = new ArrayList<>();
        realm.path("clients").forEach(c -> allMappers.addAll(mappersOf(c)));
        realm.path("clientScopes").forEach(s -> allMappers.addAll(mappersOf(s)));
        for (JsonNode m : allMappers) {
            assertFalse("groups".equals(text(m.path("config"), "claim.name")), "mapper '" + text(m, "name") + "' emits 'groups'");
        }
        for (String clientId : TOKEN_CLIENTS) {
            JsonNode c = client(clientId);
            // the built-in microprofile-jwt scope emits a 'groups' claim
            assertFalse(strings(c.path("defaultClientScopes")).contains("microprofile-jwt"), clientId);
            assertFalse(strings(c.path("optionalClientScopes")).contains("microprofile-jwt"), clientId);
        }
    }

    @Test
    void everyTokenClientPutsRolesIntoRealmAccessAndASubject() {
        for (String clientId : TOKEN_CLIENTS) {
            Set<String> scopes = strings(client(clientId).path("defaultClientScopes"));
            assertTrue(scopes.contains("roles"), clientId + ": 'roles' scope gives realm_access.roles");
            assertTrue(scopes.contains("basic"), clientId + ": 'basic' scope gives the sub claim");
            assertTrue(scopes.contains("profile") && scopes.contains("email"), clientId + ": profile and email scopes");
            assertTrue(client(clientId).path("fullScopeAllowed").asBoolean(true), clientId + ": full scope for realm roles");
        }
    }

    @Test
    void everyTokenClientAndSoEveryHumanLoginPutsLuoshiApiIntoTheAudience() {
        assertTrue(TOKEN_CLIENTS.containsAll(HUMAN_LOGIN_CLIENTS));
        for (String clientId : TOKEN_CLIENTS) {
            List<JsonNode> audience = mappersOf(client(clientId)).stream()
                    .filter(m -> "oidc-audience-mapper".equals(text(m, "protocolMapper")))
                    .filter(m -> "luoshi-api".equals(text(m.path("config"), "included.client.audience")))
                    .toList();
            assertEquals(1, audience.size(), clientId + ": audience mapper for luoshi-api");
            assertEquals("true", text(audience.get(0).path("config"), "access.token.claim"), clientId);
        }
    }

    @Test
    void theApiClientOnlyNamesTheAudienceAndCannotObtainTokens() {
        JsonNode api = client("luoshi-api");
        assertFalse(api.path("publicClient").asBoolean(true), "luoshi-api is confidential");
        assertNoFlowsExcept(api, Set.of());
    }

    // ------------------------------------------------------------------------------------------ clients

    @Test
    void webClientIsPublicWithS256PkceAndExplicitLocalOrigins() {
        JsonNode web = client("luoshi-web");
        assertTrue(web.path("publicClient").asBoolean(), "public client");
        assertNoFlowsExcept(web, Set.of("standardFlowEnabled"));
        assertEquals("S256", text(web.path("attributes"), "pkce.code.challenge.method"));

        Set<String> origins = strings(web.path("webOrigins"));
        assertFalse(origins.isEmpty(), "web origins");
        assertFalse(origins.contains("*"), "web origin '*' allows every site");
        for (String origin : origins) {
            assertTrue(origin.matches("http://(localhost|127\\.0\\.0\\.1):\\d+"), "web origin " + origin);
        }
        Set<String> redirects = strings(web.path("redirectUris"));
        assertFalse(redirects.isEmpty(), "redirect URIs");
        for (String uri : redirects) {
            assertTrue(uri.matches("http://(localhost|127\\.0\\.0\\.1):\\d+/.*"), "redirect URI " + uri);
        }
        String postLogout = text(web.path("attributes"), "post.logout.redirect.uris");
        assertNotNull(postLogout, "post logout redirect URIs");
        for (String uri : postLogout.split("##")) {
            assertTrue(uri.matches("http://(localhost|127\\.0\\.0\\.1):\\d+/.*"), "post logout redirect URI " + uri);
        }
    }

    /** deploy's BrowserJourneysIT serves the web app on 18080 and logs in through this client. */
    @Test
    void webClientAcceptsTheBrowserJourneysWebApp() {
        JsonNode web = client("luoshi-web");
        assertTrue(strings(web.path("redirectUris")).contains("http://localhost:18080/*"), "redirect URI of the journeys");
        assertTrue(strings(web.path("webOrigins")).contains("http://localhost:18080"), "web origin of the journeys");
        assertTrue(Set.of(text(web.path("attributes"), "post.logout.redirect.uris").split("##")).contains("http://localhost:18080/*"),
                "post logout redirect URI of the journeys");
    }

    @Test
    void workflowClientIsConfidentialWithOnlyTheServiceAccount() {
        JsonNode wf = client("luoshi-workflow");
        assertFalse(wf.path("publicClient").asBoolean(true), "confidential");
        assertNoFlowsExcept(wf, Set.of("serviceAccountsEnabled"));
        assertEquals("demo-only-workflow-secret", text(wf, "secret"), "the documented demo secret");
    }

    @Test
    void testClientIsPublicWithOnlyThePasswordGrant() {
        JsonNode test = client("luoshi-test");
        assertTrue(test.path("publicClient").asBoolean(), "public client");
        assertNoFlowsExcept(test, Set.of("directAccessGrantsEnabled"));
    }

    // ------------------------------------------------------------------------------------------ users

    @Test
    void everyDemoUserIsFullySetUpForThePasswordGrant() {
        for (DemoUser expected : DEMO_USERS) {
            JsonNode u = user(expected.username());
            assertTrue(u.path("enabled").asBoolean(), expected.username() + " enabled");
            assertEquals(expected.username() + "@demo.luoshi.example", text(u, "email"), expected.username());
            assertTrue(u.path("emailVerified").asBoolean(), expected.username() + " email verified");
            assertEquals(expected.lastName(), text(u, "lastName"), expected.username() + " surname");
            assertEquals(expected.firstName(), text(u, "firstName"), expected.username() + " given name");
            assertTrue(u.has("requiredActions") && u.path("requiredActions").isEmpty(),
                    expected.username() + " must have requiredActions: []");
            List<JsonNode> passwords = stream(u.path("credentials")).filter(c -> "password".equals(text(c, "type"))).toList();
            assertEquals(1, passwords.size(), expected.username() + " password credentials");
            assertEquals("demo", text(passwords.get(0), "value"), expected.username() + " demo password");
            assertFalse(passwords.get(0).path("temporary").asBoolean(true), expected.username() + " password not temporary");
        }
    }

    @Test
    void demoUsersHaveTheirRoleAndDepartment() {
        for (DemoUser expected : DEMO_USERS) {
            JsonNode u = user(expected.username());
            Set<String> roles = strings(u.path("realmRoles"));
            assertTrue(roles.contains(expected.role()), expected.username() + " has role " + expected.role());
            Set<String> luoshiRoles = new TreeSet<>(roles);
            luoshiRoles.retainAll(Set.of("staff", "supervisor", "evaluator", "admin", "service"));
            assertEquals(Set.of(expected.role()), luoshiRoles, expected.username() + " Luoshi roles");
            Set<String> expectedGroups = expected.department() == null ? Set.of() : Set.of("/departments/" + expected.department());
            assertEquals(expectedGroups, strings(u.path("groups")), expected.username() + " groups");
        }
    }

    @Test
    void everyEvaluatorWorksForAnEvaluationOrganisationThatTheTokensCarry() {
        Map<String, String> organisations = new TreeMap<>();
        for (JsonNode u : realm.path("users")) {
            if (strings(u.path("realmRoles")).contains("evaluator")) {
                List<String> org = stringList(u.path("attributes").path("organisation"));
                assertEquals(1, org.size(), text(u, "username") + " organisation attribute");
                organisations.put(text(u, "username"), org.get(0));
            }
        }
        assertEquals(Map.of("zhao.min", "kjpg", "qian.hui", "zlyj"), organisations,
                "two evaluators of different organisations, so that access per evaluation can be tested");
        for (String clientId : TOKEN_CLIENTS) {
            JsonNode mapper = stream(client(clientId).path("protocolMappers"))
                    .filter(m -> "organisation".equals(text(m, "name"))).findFirst().orElseThrow(
                            () -> new AssertionError(clientId + " must map the organisation attribute"));
            assertEquals("oidc-usermodel-attribute-mapper", text(mapper, "protocolMapper"));
            assertEquals("organisation", text(mapper.path("config"), "claim.name"));
            assertEquals("true", text(mapper.path("config"), "access.token.claim"));
        }
    }

    @Test
    void everyStaffUserIsInExactlyOneExistingDepartmentGroup() {
        Set<String> departmentPaths = departments.stream().map(d -> "/departments/" + d.code()).collect(Collectors.toSet());
        List<JsonNode> staff = stream(realm.path("users")).filter(u -> strings(u.path("realmRoles")).contains("staff")).toList();
        assertFalse(staff.isEmpty(), "staff users");
        for (JsonNode u : staff) {
            List<String> groups = stringList(u.path("groups")).stream().filter(g -> g.startsWith("/departments/")).toList();
            assertEquals(1, groups.size(), text(u, "username") + " department groups: " + groups);
            assertTrue(departmentPaths.contains(groups.get(0)), text(u, "username") + " group " + groups.get(0) + " exists");
        }
    }

    @Test
    void everyGroupAUserIsInExists() {
        Set<String> departmentPaths = departments.stream().map(d -> "/departments/" + d.code()).collect(Collectors.toSet());
        for (JsonNode u : realm.path("users")) {
            for (String g : strings(u.path("groups"))) {
                assertTrue(departmentPaths.contains(g), text(u, "username") + " is in unknown group " + g);
            }
        }
    }

    @Test
    void theWorkflowServiceAccountMayReadUsersToCheckHandOversAndNothingElseOfTheRealm() {
        JsonNode sa = user("service-account-luoshi-workflow");
        assertEquals(Map.of("realm-management", List.of("view-users")),
                Map.of("realm-management", stringList(sa.path("clientRoles").path("realm-management"))));
        List<String> clients = new ArrayList<>();
        sa.path("clientRoles").fieldNames().forEachRemaining(clients::add);
        assertEquals(List.of("realm-management"), clients, "no other client's roles");
    }

    @Test
    void theWorkflowServiceAccountHasTheServiceRoleAndNoPersonHasIt() {
        List<JsonNode> serviceAccounts = stream(realm.path("users"))
                .filter(u -> "luoshi-workflow".equals(text(u, "serviceAccountClientId"))).toList();
        assertEquals(1, serviceAccounts.size(), "service account user of luoshi-workflow");
        JsonNode sa = serviceAccounts.get(0);
        assertEquals("service-account-luoshi-workflow", text(sa, "username"));
        assertTrue(strings(sa.path("realmRoles")).contains("service"), "service account has role 'service'");
        assertTrue(strings(sa.path("groups")).isEmpty(), "service account is in no department");

        for (JsonNode u : realm.path("users")) {
            if (!u.has("serviceAccountClientId")) {
                assertFalse(strings(u.path("realmRoles")).contains("service"), text(u, "username") + " must not have 'service'");
            }
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static final List<String> FLOWS = List.of("standardFlowEnabled", "implicitFlowEnabled", "directAccessGrantsEnabled",
            "serviceAccountsEnabled");

    static void assertNoFlowsExcept(JsonNode client, Set<String> enabled) {
        for (String flow : FLOWS) {
            JsonNode value = client.get(flow);
            assertNotNull(value, text(client, "clientId") + ": set " + flow + " explicitly (Keycloak defaults differ)");
            assertEquals(enabled.contains(flow), value.asBoolean(), text(client, "clientId") + " " + flow);
        }
        assertFalse("true".equals(text(client.path("attributes"), "oauth2.device.authorization.grant.enabled")),
                text(client, "clientId") + " device grant");
    }

    static JsonNode departmentsGroup() {
        return stream(realm.path("groups")).filter(g -> "departments".equals(text(g, "name"))).findFirst()
                .orElseGet(() -> fail("no group 'departments'"));
    }

    static JsonNode client(String clientId) {
        List<JsonNode> found = stream(realm.path("clients")).filter(c -> clientId.equals(text(c, "clientId"))).toList();
        assertEquals(1, found.size(), "clients named " + clientId);
        return found.get(0);
    }

    static JsonNode user(String username) {
        List<JsonNode> found = stream(realm.path("users")).filter(u -> username.equals(text(u, "username"))).toList();
        assertEquals(1, found.size(), "users named " + username);
        return found.get(0);
    }

    static List<JsonNode> mappersOf(JsonNode clientOrScope) {
        return stream(clientOrScope.path("protocolMappers")).toList();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static Set<String> strings(JsonNode array) {
        return new LinkedHashSet<>(stringList(array));
    }

    static List<String> stringList(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
