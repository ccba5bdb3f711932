package org.luoshi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luoshi.deploy.OpenApiOperations.Operation;
import org.luoshi.deploy.OpenApiOperations.Param;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The system tried as an outsider would, generated from both services' OpenAPI documents so that a new endpoint is
 * covered without being listed: every operation with missing, forged, expired and other-audience tokens; every role
 * against every operation; another department's staff and another organisation's evaluator on real ids of every kind;
 * the supervising office's drafts; NUL bytes, overflows, wrong types and unparsable values in every parameter and body.
 * The data is the demo's, loaded through the APIs by {@code deploy/demo/load-demo-data.sh}. Any 5xx, leak or 2xx that
 * should not be fails, with the list of offending requests.
 */
class HostileRequestsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    /** The department that neither leads nor co-works the tasks whose objects the foreign checks use. */
    private static final String OUTSIDER_STAFF = DemoUsers.STAFF_CHAOYANG;
    private static final String OUTSIDER_DEPARTMENT = "chaoyang";
    private static final Map<String, String> USER_OF_ROLE = Map.of(
            "staff", DemoUsers.STAFF_HAIDIAN,
            "supervisor", DemoUsers.SUPERVISOR,
            "evaluator", DemoUsers.EVALUATOR,
            "admin", DemoUsers.ADMIN,
            "service", "service-account");

    private static ServiceProcess taskService;
    private static ServiceProcess workflowService;
    private static List<Operation> operations;
    /** Each service's OpenAPI component schemas, which request bodies refer to. */
    private static final Map<String, JsonNode> COMPONENTS = new HashMap<>();
    /** Real ids by kind, of objects the outsider department and the other organisation must not reach. */
    private static final Map<Kind, String> IDS = new HashMap<>();
    private static long draftPlanId;
    private static long draftTaskId;
    private static long evaluationId;

    enum Kind {
        PLAN, DRAFT_PLAN, TASK, DRAFT_TASK, MILESTONE, REPORT_KEY, EVIDENCE, EVALUATION, INDICATOR, SNAPSHOT,
        INBOX_ITEM, MILESTONE_ITEM, EVALUATION_ITEM, ADJUSTMENT_ITEM, MILESTONE_PROCESS, EVALUATION_PROCESS,
        DEPARTMENT, FORMAT, FILE, UNKNOWN
    }

    @BeforeAll
    static void systemWithTheDemoLoaded() throws Exception {
        E2eDatabases.resetSchemas();
        String realm = KeycloakTokens.keycloakUrl() + "/realms/luoshi";
        taskService = new ServiceProcess("task-service", Map.of(
                "quarkus.datasource.jdbc.url", E2eDatabases.taskUrl(),
                "quarkus.oidc.auth-server-url", realm,
                "luoshi.demo.enabled", "true"));
        taskService.start();
        workflowService = new ServiceProcess("workflow-service", Map.of(
                "quarkus.datasource.jdbc.url", E2eDatabases.workflowUrl(),
                "quarkus.oidc.auth-server-url", realm,
                "quarkus.rest-client.task-service.url", taskService.url(),
                "luoshi.workflow.job-executor.wait-time", "200ms",
                "luoshi.workflow.job-executor.max-wait", "1S"));
        workflowService.start();
        loadDemo();
        operations = new ArrayList<>();
        for (ServiceProcess service : List.of(taskService, workflowService)) {
            JsonNode document = openApi(service.url());
            String name = service == taskService ? "task-service" : "workflow-service";
            operations.addAll(OpenApiOperations.read(name, service.url(), document).operations());
            COMPONENTS.put(name, document.path("components").path("schemas"));
        }
        findIds();
    }

    @AfterAll
    static void stopAndCount() throws InterruptedException {
        if (workflowService != null) {
            workflowService.stop();
        }
        if (taskService != null) {
            taskService.stop();
        }
        System.out.println("[hostile] " + REQUESTS.get() + " requests");
        assertThat(REQUESTS.get()).as("requests the hostile suite sent").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void everySecuredOperationRefusesMissingForgedExpiredAndOtherAudienceTokens() throws Exception {
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("missing", null);
        badTokens.put("forged", KeycloakTokens.forgedToken(DemoUsers.SUPERVISOR,
                List.of("staff", "supervisor", "evaluator", "admin", "service"), List.of("supervision")));
        badTokens.put("expired", ExpiredTokens.of(DemoUsers.SUPERVISOR));
        badTokens.put("other-audience", KeycloakTokens.tokenForAnotherAudience(DemoUsers.SUPERVISOR));
        Violations violations = new Violations();
        for (Operation op : operations) {
            for (Map.Entry<String, String> token : badTokens.entrySet()) {
                Answer answer = call(op, pathFor(op, Map.of()), token.getValue(), emptyBody(op));
                if (op.isPublic()) {
                    violations.unless(answer.status < 500, op, token.getKey() + " token", answer);
                } else {
                    violations.unless(answer.status == 401, op, token.getKey() + " token → 401", answer);
                }
            }
        }
        violations.assertNone();
    }

    @Test
    void everyRoleOutsideAnOperationsRolesIsRefusedAndReadsOfAllowedRolesNeverFail() throws Exception {
        Violations violations = new Violations();
        for (Operation op : operations) {
            if (op.isPublic()) {
                continue;
            }
            for (String role : USER_OF_ROLE.keySet()) {
                boolean allowed = op.allows(role);
                if (allowed && !op.isRead()) {
                    continue; // writes of allowed roles change the data other checks rely on; their input is tried below
                }
                Answer answer = call(op, pathFor(op, Map.of()), tokenOf(role), emptyBody(op));
                if (allowed) {
                    violations.unless(answer.status < 500, op, role + " (allowed)", answer);
                } else {
                    violations.unless(answer.status == 403, op, role + " (not allowed) → 403", answer);
                }
            }
        }
        violations.assertNone();
    }

    /** What the loader tells besides the hostile calls' objects: the 14th plan's end and the plan that succeeds it. */
    @Test
    void theDemoEndsTheFourteenthPlanWithAPublishedFinalEvaluationAndASuccessorCarryingItsWork() throws Exception {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        String task = taskService.url();
        String planId = IDS.get(Kind.PLAN);
        JsonNode finalEvaluation = null;
        for (JsonNode e : getJson(task + "/api/evaluations?planId=" + planId, supervisor)) {
            if (e.path("kind").asText().equals("FINAL")) {
                finalEvaluation = e;
            }
        }
        assertThat(finalEvaluation).as("the 14th plan's final evaluation").isNotNull();
        assertThat(finalEvaluation.path("status").asText()).isEqualTo("PUBLISHED");
        String finalId = finalEvaluation.path("id").asText();
        assertThat(getJson(task + "/api/evaluations/" + finalId + "/finding-items", supervisor)).hasSize(3);
        List<String> proposals = new ArrayList<>();
        String declinedReason = null;
        for (JsonNode p : getJson(task + "/api/evaluations/" + finalId + "/proposals", supervisor)) {
            proposals.add(p.path("status").asText());
            if (p.path("status").asText().equals("DECLINED")) {
                declinedReason = p.path("reason").asText();
            }
        }
        assertThat(proposals).as("one proposal declined, one open for chen.jing").containsExactlyInAnyOrder("DECLINED", "OPEN");
        assertThat(declinedReason).contains("演示数据");
        // the open one waits in chen.jing's inbox as her 调整建议 item; the declined one's item was decided
        List<String> inbox = new ArrayList<>();
        for (JsonNode item : getJson(workflowService.url() + "/api/inbox?size=100&processKey=evaluation-proposal", supervisor)
                .path("items")) {
            inbox.add(item.path("activityId").asText());
        }
        assertThat(inbox).as("chen.jing's 调整建议 items").containsExactly("decideProposal");

        // the latest status published discloses the decision
        long latest = 0;
        for (JsonNode s : getJson(task + "/api/public/plans/" + planId + "/snapshots", null)) {
            latest = Math.max(latest, s.path("snapshotId").asLong());
        }
        JsonNode disclosed = getJson(task + "/api/public/snapshots/" + latest, null).path("proposalDecisions");
        assertThat(disclosed).hasSize(1);
        assertThat(disclosed.get(0).path("decision").asText()).isEqualTo("DECLINED");
        assertThat(disclosed.get(0).path("decidedBy").asText()).isEqualTo("督查室");

        String successorId = null;
        for (JsonNode plan : getJson(task + "/api/plans", supervisor)) {
            if (plan.path("predecessorId").asText().equals(planId)) {
                successorId = plan.path("id").asText();
                assertThat(plan.path("title").asText()).contains("演示数据");
                assertThat(plan.path("status").asText()).isEqualTo("IN_FORCE");
            }
        }
        assertThat(successorId).as("the successor plan linked to the 14th").isNotNull();
        JsonNode succession = getJson(task + "/api/plans/" + successorId + "/succession", supervisor);
        assertThat(succession.path("predecessorFinalEvaluation").path("id").asText()).isEqualTo(finalId);
        List<String> decisions = new ArrayList<>();
        String carried = null;
        for (JsonNode d : succession.path("decided")) {
            decisions.add(d.path("decision").asText());
            if (d.path("decision").asText().equals("CARRIED")) {
                carried = d.path("newTaskId").asText();
            } else {
                assertThat(d.path("reason").asText()).contains("演示数据");
            }
        }
        assertThat(decisions).containsExactlyInAnyOrder("CARRIED", "CARRIED", "CARRIED", "CLOSED");
        JsonNode lineage = getJson(task + "/api/tasks/" + carried + "/lineage", supervisor);
        assertThat(lineage.path("carriedFrom").path("oldReference").asText()).isNotBlank();
        assertThat(lineage.path("carriedFrom").path("oldLeadDepartmentCode").asText()).isNotBlank();
        assertThat(lineage.path("oldTask").path("planId").asText()).isEqualTo(planId);
        JsonNode continuations = succession.path("continuations");
        assertThat(continuations).as("the successor's four indicators continue the 14th plan's").hasSize(4);
        for (JsonNode c : continuations) {
            assertThat(c.path("baselineRevision").asText()).isIn("PRELIMINARY", "REVISED");
            assertThat(c.path("baselineSource").asText()).contains("演示数据");
        }
        assertThat(getJson(task + "/api/public/plans/" + successorId + "/succession", null).path("predecessor")
                .path("planId").asText()).isEqualTo(planId);
    }

    @Test
    void anotherDepartmentsStaffReachNoneOfItsObjectsOnAnyPath() throws Exception {
        Set<Kind> departmentOwned = Set.of(Kind.TASK, Kind.MILESTONE, Kind.REPORT_KEY, Kind.EVIDENCE,
                Kind.INBOX_ITEM, Kind.MILESTONE_ITEM, Kind.EVALUATION_ITEM, Kind.ADJUSTMENT_ITEM, Kind.MILESTONE_PROCESS);
        Violations violations = foreignCalls("staff", KeycloakTokens.accessToken(OUTSIDER_STAFF), departmentOwned::contains);
        String token = KeycloakTokens.accessToken(OUTSIDER_STAFF);
        for (JsonNode task : getJson(taskService.url() + "/api/tasks?size=200", token).path("items")) {
            violations.unless(!task.path("id").asText().equals(IDS.get(Kind.TASK)), null,
                    "GET /api/tasks lists task " + IDS.get(Kind.TASK) + " of another department", null);
        }
        violations.assertNone();
    }

    @Test
    void anotherOrganisationsEvaluatorReachesNoneOfAnEvaluationsRecord() throws Exception {
        String token = KeycloakTokens.accessToken(DemoUsers.EVALUATOR_OTHER_ORG);
        Violations violations = foreignCalls("evaluator", token,
                kind -> kind == Kind.EVALUATION || kind == Kind.EVALUATION_PROCESS);
        JsonNode audit = getJson(taskService.url() + "/api/audit?entityType=evaluation&entityId=" + evaluationId + "&size=100",
                token);
        violations.unless(!audit.toString().contains("\"entityId\":\"" + evaluationId + "\"")
                && !audit.toString().contains("\"entityId\":" + evaluationId + ","), null,
                "GET /api/audit shows evaluation " + evaluationId + " of another organisation", null);
        violations.assertNone();
    }

    @Test
    void draftsAreTheSupervisingOfficesAloneUntilConfirmed() throws Exception {
        Violations violations = new Violations();
        for (String user : List.of(DemoUsers.STAFF_HAIDIAN, DemoUsers.EVALUATOR)) {
            String token = KeycloakTokens.accessToken(user);
            String role = user.equals(DemoUsers.EVALUATOR) ? "evaluator" : "staff";
            violations.addAll(foreignCalls(role, token, kind -> kind == Kind.DRAFT_PLAN || kind == Kind.DRAFT_TASK,
                    Map.of(Kind.PLAN, Kind.DRAFT_PLAN, Kind.TASK, Kind.DRAFT_TASK)));
            for (JsonNode t : getJson(taskService.url() + "/api/tasks?size=500", token).path("items")) {
                violations.unless(t.path("planId").asLong() != draftPlanId, null,
                        user + ": GET /api/tasks lists task " + t.path("id") + " of the draft plan", null);
            }
            for (JsonNode t : getJson(taskService.url() + "/api/tasks?q=" + enc("草稿任务"), token).path("items")) {
                violations.unless(t.path("planId").asLong() != draftPlanId, null,
                        user + ": GET /api/tasks?q= finds task " + t.path("id") + " of the draft plan", null);
            }
            for (JsonNode plan : getJson(taskService.url() + "/api/plans", token)) {
                violations.unless(plan.path("id").asLong() != draftPlanId, null,
                        user + ": GET /api/plans lists the draft plan " + draftPlanId, null);
            }
        }
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        Answer assign = send("PUT", taskService.url() + "/api/tasks/" + draftTaskId + "/assignment", supervisor,
                "application/json", "{\"leadDepartmentCode\":\"haidian\",\"coDepartmentCodes\":[],\"dueDate\":\"2030-12-31\"}",
                Map.of("If-Match", "\"0\""));
        violations.unless(assign.status >= 400 && assign.status < 500, null,
                "a draft's task assigned (PUT /api/tasks/" + draftTaskId + "/assignment)", assign);
        violations.assertNone();
    }

    @Test
    void malformedValuesInEveryParameterAnswer400NamingIt() throws Exception {
        Violations violations = new Violations();
        for (Operation op : operations) {
            String token = callerFor(op);
            for (Param param : op.params()) {
                if (!param.in().equals("query") && !param.in().equals("path")) {
                    continue;
                }
                for (Map.Entry<String, Boolean> bad : badValues(param).entrySet()) {
                    Map<String, String> raw = Map.of(param.name(), bad.getKey());
                    String url = param.in().equals("path") ? pathFor(op, raw) : pathFor(op, Map.of()) + "?" + param.name() + "=" + bad.getKey();
                    Answer answer = call(op, url, token, emptyBody(op));
                    String what = param.in() + " " + param.name() + "=" + bad.getKey();
                    boolean nul = bad.getKey().contains("%00");
                    if (bad.getValue() && param.in().equals("path") && !nul) {
                        // /api/tasks/abc names no task: 404 is as true as 400
                        violations.unless(answer.status == 400 || answer.status == 404, op, what + " → 400 or 404", answer);
                    } else if (bad.getValue() && param.in().equals("path")) {
                        // a NUL in a path: refused before any resource runs, naming the parameter that holds it
                        violations.unless(answer.status == 400 && answer.body.contains("\"field\":\"" + param.name() + "\""),
                                op, what + " → 400 naming " + param.name(), answer);
                    } else if (bad.getValue()) {
                        violations.unless(answer.status == 400 && answer.body.contains(param.name()), op,
                                what + " → 400 naming " + param.name(), answer);
                    } else {
                        violations.unless(answer.status < 500, op, what + " → no 5xx", answer);
                    }
                }
            }
        }
        violations.assertNone();
    }

    @Test
    void malformedJsonBodiesAnswer4xxNever5xx() throws Exception {
        Violations violations = new Violations();
        for (Operation op : operations) {
            if (op.bodyType() == null || !op.bodyType().contains("json")) {
                continue;
            }
            String token = callerFor(op);
            String url = pathFor(op, Map.of());
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("truncated JSON", "{\"");
            bodies.put("a JSON array", "[]");
            bodies.put("NUL in every property", sampleBody(op, "text\u0000", property -> true));
            bodies.put("numbers for every enum and date", sampleBody(op, 20210101,
                    property -> property.has("enum") || "date".equals(property.path("format").asText())));
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                Answer answer = send(op.method(), url, token, "application/json", body.getValue(), preconditions(op));
                violations.unless(answer.status >= 400 && answer.status < 500, op, body.getKey() + " → 4xx", answer);
            }
        }
        violations.assertNone();
    }

    // --- the foreign-object matrix ------------------------------------------------------------------------------

    private static Violations foreignCalls(String role, String token, Predicate<Kind> foreign) throws Exception {
        return foreignCalls(role, token, foreign, Map.of());
    }

    /**
     * Every operation the role may call whose path names an object of a foreign kind, with that object's real id:
     * reads answer 404, nothing answers 2xx.
     */
    private static Violations foreignCalls(String role, String token, Predicate<Kind> foreign, Map<Kind, Kind> substitute)
            throws Exception {
        Violations violations = new Violations();
        for (Operation op : operations) {
            if (!op.allows(role)) {
                continue;
            }
            boolean touchesForeign = false;
            Map<String, String> values = new HashMap<>();
            for (Param p : op.params()) {
                if (!p.in().equals("path")) {
                    continue;
                }
                Kind kind = kindOf(op.path(), p.name());
                Kind used = substitute.getOrDefault(kind, kind);
                if (foreign.test(used) && IDS.containsKey(used)) {
                    values.put(p.name(), IDS.get(used));
                    touchesForeign = true;
                }
            }
            if (!touchesForeign) {
                continue;
            }
            Answer answer = call(op, pathFor(op, values), token, emptyBody(op));
            if (op.isRead()) {
                violations.unless(answer.status == 404, op, role + " on another's object → 404", answer);
            } else {
                violations.unless(answer.status >= 400 && answer.status < 500, op, role + " on another's object → 4xx",
                        answer);
            }
        }
        return violations;
    }

    // --- requests -------------------------------------------------------------------------------------------------

    private record Answer(int status, String body) {
    }

    private static Answer call(Operation op, String url, String token, String body) throws Exception {
        return send(op.method(), url, token, contentType(op), body, preconditions(op));
    }

    private static final String BOUNDARY = "hostile-boundary";

    /** The media type the operation declares, so that its checks (not content negotiation) answer. */
    private static String contentType(Operation op) {
        if (op.bodyType() == null) {
            return null;
        }
        if (op.bodyType().startsWith("multipart/")) {
            return op.bodyType() + "; boundary=" + BOUNDARY;
        }
        return op.bodyType().contains("*") ? "text/plain" : op.bodyType();
    }

    private static Map<String, String> preconditions(Operation op) {
        // a precondition header present, so that the check behind it (not the header's absence) answers
        for (Param p : op.params()) {
            if (p.in().equals("header") && p.name().equalsIgnoreCase("If-Match")) {
                return Map.of("If-Match", "\"0\"");
            }
            if (p.in().equals("header") && p.name().equalsIgnoreCase("Idempotency-Key")) {
                return Map.of("Idempotency-Key", "hostile-" + REQUESTS.get());
            }
        }
        return Map.of();
    }

    private static Answer send(String method, String url, String token, String contentType, String body,
            Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", contentType);
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        REQUESTS.incrementAndGet();
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private static JsonNode getJson(String url, String token) throws Exception {
        Answer answer = send("GET", url, token, null, null, Map.of());
        assertThat(answer.status).as("GET %s: %s", url, answer.body).isEqualTo(200);
        return JSON.readTree(answer.body);
    }

    /** A minimal body of the operation's media type. */
    private static String emptyBody(Operation op) {
        if (op.bodyType() == null) {
            return null;
        }
        if (op.bodyType().startsWith("multipart/")) {
            return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nx\r\n--" + BOUNDARY + "--\r\n";
        }
        return op.bodyType().contains("json") ? "{}" : "x";
    }

    private static String callerFor(Operation op) {
        if (op.isPublic()) {
            return null;
        }
        for (String role : List.of("supervisor", "staff", "evaluator", "admin", "service")) {
            if (op.allows(role)) {
                return tokenOf(role);
            }
        }
        return tokenOf("admin");
    }

    private static String tokenOf(String role) {
        String user = USER_OF_ROLE.get(role);
        return role.equals("service") ? KeycloakTokens.serviceAccountToken() : KeycloakTokens.accessToken(user);
    }

    /** Bad values for a parameter: value → whether it must answer 400 (else: at least never 5xx). */
    private static Map<String, Boolean> badValues(Param p) {
        Map<String, Boolean> values = new LinkedHashMap<>();
        values.put("%00", true);
        values.put("a%00b", true);
        if (p.integer()) {
            values.put("abc", true);
            values.put("1e3", true);
            values.put("99999999999999999999", true);
            values.put("2147483647", false);
            values.put("-1", false);
        } else if (p.bool()) {
            values.put("maybe", true);
        } else if (p.date()) {
            values.put("2021-13-45", true);
            values.put("20210101", true);
        } else if (p.isEnum()) {
            values.put("FOO", true);
        } else {
            values.put("x".repeat(5000), false);
            values.put(enc("'\"<script>;--"), false);
        }
        return values;
    }

    /** A body with the properties of the operation's schema that {@code which} picks set to {@code value}. */
    private static String sampleBody(Operation op, Object value, Predicate<JsonNode> which) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        JsonNode schema = op.bodySchema();
        if (schema != null) {
            for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties.hasNext();) {
                Map.Entry<String, JsonNode> property = properties.next();
                if (which.test(OpenApiOperations.resolve(property.getValue(), COMPONENTS.get(op.service())))) {
                    body.set(property.getKey(), JSON.valueToTree(value));
                }
            }
        }
        if (body.isEmpty()) {
            body.set("value", JSON.valueToTree(value));
        }
        return JSON.writeValueAsString(body);
    }

    private static String pathFor(Operation op, Map<String, String> values) {
        String path = op.path();
        for (Param p : op.params()) {
            if (!p.in().equals("path")) {
                continue;
            }
            String value = values.containsKey(p.name()) ? values.get(p.name())
                    : IDS.getOrDefault(kindOf(op.path(), p.name()), "1");
            path = path.replace("{" + p.name() + "}", value);
        }
        return op.baseUrl() + path;
    }

    /** What a path parameter names, from its name or the collection before it. */
    static Kind kindOf(String path, String name) {
        switch (name) {
            case "taskId": return Kind.TASK;
            case "planId": return Kind.PLAN;
            case "milestoneId": return Kind.MILESTONE;
            case "evaluationId": return Kind.EVALUATION;
            case "reportKey": return Kind.REPORT_KEY;
            case "department", "code": return Kind.DEPARTMENT;
            case "format": return Kind.FORMAT;
            case "file": return Kind.FILE;
            default: break;
        }
        String before = path.substring(0, path.indexOf("{" + name + "}"));
        String collection = before.replaceAll("/$", "");
        collection = collection.substring(collection.lastIndexOf('/') + 1);
        if (name.equals("processInstanceId") || name.equals("processId")) {
            return collection.equals("evaluations") ? Kind.EVALUATION_PROCESS : Kind.MILESTONE_PROCESS;
        }
        return switch (collection) {
            case "plans" -> Kind.PLAN;
            case "tasks" -> Kind.TASK;
            case "milestones" -> Kind.MILESTONE;
            case "evaluations" -> Kind.EVALUATION;
            case "evidence" -> Kind.EVIDENCE;
            case "indicators" -> Kind.INDICATOR;
            case "snapshots", "documents" -> Kind.SNAPSHOT;
            case "inbox" -> Kind.INBOX_ITEM;
            case "milestone-items" -> Kind.MILESTONE_ITEM;
            case "evaluation-items" -> Kind.EVALUATION_ITEM;
            case "adjustment-items" -> Kind.ADJUSTMENT_ITEM;
            default -> Kind.UNKNOWN;
        };
    }

    // --- the data -----------------------------------------------------------------------------------------------

    private static void loadDemo() throws Exception {
        Path repo = Path.of(System.getProperty("luoshi.repo", ".."));
        ProcessBuilder loader = new ProcessBuilder(repo.resolve("deploy/demo/load-demo-data.sh").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(repo.resolve("deploy/target/e2e-hostile-demo.log").toFile()));
        loader.environment().putAll(Map.of("KEYCLOAK_URL", KeycloakTokens.keycloakUrl(),
                "TASK_SERVICE_URL", taskService.url(), "WORKFLOW_SERVICE_URL", workflowService.url()));
        Process process = loader.start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("the demo loader finished").isTrue();
        assertThat(process.exitValue()).as("the demo loader's exit (deploy/target/e2e-hostile-demo.log)").isZero();
    }

    private static JsonNode openApi(String baseUrl) throws Exception {
        return getJson(baseUrl + "/q/openapi?format=json", null);
    }

    private static void findIds() throws Exception {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        String task = taskService.url();
        String planId = null;
        for (JsonNode plan : getJson(task + "/api/plans", supervisor)) {
            if (plan.path("demo").asBoolean()) {
                planId = plan.path("id").asText();
            }
        }
        assertThat(planId).as("the demo plan").isNotNull();
        IDS.put(Kind.PLAN, planId);
        IDS.put(Kind.DEPARTMENT, "haidian");
        IDS.put(Kind.FORMAT, "docx");
        IDS.put(Kind.FILE, "indicators.csv");

        // a task of another department than the outsider's, with a milestone that has reports and evidence
        for (JsonNode t : getJson(task + "/api/tasks?planId=" + planId + "&size=200", supervisor).path("items")) {
            boolean outsiders = OUTSIDER_DEPARTMENT.equals(t.path("leadDepartmentCode").asText())
                    || t.path("coDepartmentCodes").toString().contains("\"" + OUTSIDER_DEPARTMENT + "\"");
            if (outsiders || t.path("leadDepartmentCode").isNull() || t.path("milestones").isEmpty()) {
                continue;
            }
            for (JsonNode m : t.path("milestones")) {
                JsonNode evidence = getJson(task + "/api/milestones/" + m.path("id").asText() + "/evidence", supervisor);
                JsonNode reports = getJson(task + "/api/milestones/" + m.path("id").asText() + "/reports", supervisor);
                if (!IDS.containsKey(Kind.TASK) || evidence.size() > 0 && !IDS.containsKey(Kind.EVIDENCE)) {
                    IDS.put(Kind.TASK, t.path("id").asText());
                    IDS.put(Kind.MILESTONE, m.path("id").asText());
                    if (reports.size() > 0) {
                        IDS.put(Kind.REPORT_KEY, reports.get(0).path("reportKey").asText());
                    }
                    if (evidence.size() > 0) {
                        IDS.put(Kind.EVIDENCE, evidence.get(0).path("id").asText());
                    }
                }
            }
            if (IDS.containsKey(Kind.EVIDENCE)) {
                break;
            }
        }
        assertThat(IDS).as("a task with milestones, reports and evidence in the demo").containsKeys(Kind.TASK, Kind.EVIDENCE);

        JsonNode indicators = getJson(task + "/api/plans/" + planId + "/indicators", supervisor);
        IDS.put(Kind.INDICATOR, indicators.get(0).path("id").asText());
        JsonNode evaluations = getJson(task + "/api/evaluations?planId=" + planId, supervisor);
        // the mid-term evaluation, still open (the final one is published)
        for (JsonNode e : evaluations) {
            if (e.path("kind").asText().equals("MID_TERM")) {
                evaluationId = e.path("id").asLong();
            }
        }
        IDS.put(Kind.EVALUATION, Long.toString(evaluationId));
        JsonNode snapshots = getJson(task + "/api/public/plans/" + planId + "/snapshots", null);
        IDS.put(Kind.SNAPSHOT, snapshots.get(0).path("snapshotId").asText());

        // 海淀区's work items (the outsider is 朝阳区) and the supervising office's adjustment decision
        String liNa = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        for (JsonNode item : getJson(workflowService.url() + "/api/inbox?size=100", liNa).path("items")) {
            String process = item.path("processDefinitionKey").asText();
            IDS.putIfAbsent(Kind.INBOX_ITEM, item.path("id").asText());
            if (process.equals("milestone-reporting")) {
                IDS.putIfAbsent(Kind.MILESTONE_ITEM, item.path("id").asText());
                IDS.putIfAbsent(Kind.MILESTONE_PROCESS, item.path("processInstanceId").asText());
            } else if (process.equals("plan-evaluation")) {
                IDS.putIfAbsent(Kind.EVALUATION_ITEM, item.path("id").asText());
                IDS.putIfAbsent(Kind.EVALUATION_PROCESS, item.path("processInstanceId").asText());
            }
        }
        for (JsonNode item : getJson(workflowService.url() + "/api/inbox?size=100", supervisor).path("items")) {
            if (item.path("processDefinitionKey").asText().equals("task-adjustment")) {
                IDS.putIfAbsent(Kind.ADJUSTMENT_ITEM, item.path("id").asText());
            }
        }
        assertThat(IDS).as("work items of every kind in the demo").containsKeys(Kind.MILESTONE_ITEM,
                Kind.EVALUATION_ITEM, Kind.ADJUSTMENT_ITEM, Kind.MILESTONE_PROCESS, Kind.EVALUATION_PROCESS);

        // the supervising office's working copy: a draft plan with one task
        Answer plan = send("POST", task + "/api/plans", supervisor, "application/json",
                "{\"title\":\"草稿规划（演示数据）\",\"issuingBodies\":[\"督查室\"],\"periodStart\":2026,\"periodEnd\":2030}", Map.of());
        assertThat(plan.status).as(plan.body).isEqualTo(201);
        draftPlanId = JSON.readTree(plan.body).path("id").asLong();
        IDS.put(Kind.DRAFT_PLAN, Long.toString(draftPlanId));
        Answer draftTask = send("POST", task + "/api/plans/" + draftPlanId + "/tasks", supervisor, "application/json",
                "{\"title\":\"草稿任务（演示数据）\"}", Map.of());
        assertThat(draftTask.status).as(draftTask.body).isEqualTo(201);
        draftTaskId = JSON.readTree(draftTask.body).path("id").asLong();
        IDS.put(Kind.DRAFT_TASK, Long.toString(draftTaskId));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Requests that broke a rule, listed together so that one run shows them all. */
    private static final class Violations {
        private final List<String> found = new ArrayList<>();

        void unless(boolean ok, Operation op, String expectation, Answer answer) {
            if (!ok) {
                String body = answer == null ? "" : answer.body.length() > 200 ? answer.body.substring(0, 200) : answer.body;
                found.add((op == null ? "" : op + ": ") + expectation
                        + (answer == null ? "" : " — got " + answer.status + " " + body.replace('\n', ' ')));
            }
        }

        void addAll(Violations other) {
            found.addAll(other.found);
        }

        void assertNone() {
            assertThat(found).as("%d requests broke a rule:%n%s", found.size(), String.join("\n", found)).isEmpty();
        }
    }
}
