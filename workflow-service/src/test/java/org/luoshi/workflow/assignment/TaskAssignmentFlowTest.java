package org.luoshi.workflow.assignment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.assign;
import static org.luoshi.workflow.WorkflowApi.awaitProcess;
import static org.luoshi.workflow.WorkflowApi.inboxItemOf;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;
import org.luoshi.workflow.WorkflowApi;
import org.luoshi.workflow.stub.InjectTaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Assigning a task, the department's inbox and accepting or returning it, with real Keycloak tokens. */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class TaskAssignmentFlowTest {
    private static final String PROBLEM = "application/problem+json";

    @InjectTaskServiceStub
    TaskServiceStub taskService;

    @Test
    void requestsWithoutATokenAreRefusedWith401() {
        given().when().get("/api/inbox")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().contentType(ContentType.JSON).body(Map.of("taskId", 1, "departmentCode", "haidian"))
                .when().post("/api/assignments")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void forgedTokensAreRefusedWith401() {
        String forgedStaff = KeycloakTokens.forgedToken(DemoUsers.STAFF_HAIDIAN, List.of("staff"), List.of("haidian"));
        given().auth().oauth2(forgedStaff).when().get("/api/inbox")
                .then().statusCode(401).contentType(PROBLEM);
        String forgedSupervisor = KeycloakTokens.forgedToken(DemoUsers.SUPERVISOR, List.of("supervisor"), List.of());
        given().auth().oauth2(forgedSupervisor).contentType(ContentType.JSON)
                .body(Map.of("taskId", 1, "departmentCode", "haidian"))
                .when().post("/api/assignments")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void theInboxFiltersByPlanSection() {
        long even = uniqueTaskId() * 2;
        long odd = even + 1;
        // both titles carry a tag of this test only: haidian's inbox holds the items of every other test in this
        // database too, and the newest come last, beyond a page
        String tag = "分节检索" + even;
        taskService.addTask(even, "三（一）的任务 " + tag);
        taskService.addTask(odd, "三（二）的任务 " + tag);
        String inFirst = assign(even, "haidian").getString("processInstanceId");
        String inSecond = assign(odd, "haidian").getString("processInstanceId");
        List<String> firstSection = as(DemoUsers.STAFF_HAIDIAN).queryParam("size", 100).queryParam("text", tag)
                .queryParam("section", "三（一）")
                .when().get("/api/inbox").then().statusCode(200).extract().jsonPath().getList("items.planSection");
        assertTrue(firstSection.contains("三（一）" + even), "the section's item is listed");
        assertFalse(firstSection.contains("三（二）" + odd), "another section's item is not");
        List<Object> instances = as(DemoUsers.STAFF_HAIDIAN).queryParam("size", 100).queryParam("text", tag).queryParam("section", "三（二）" + odd)
                .when().get("/api/inbox").then().statusCode(200).extract().jsonPath().getList("items.processInstanceId");
        assertTrue(instances.contains(inSecond), "a full reference finds its own item");
        assertFalse(instances.contains(inFirst));
    }

    @Test
    void staffMayNotAssignTasks() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "不应被交办");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "departmentCode", "haidian"))
                .when().post("/api/assignments")
                .then().statusCode(403).contentType(PROBLEM).body("status", equalTo(403));
        assertEquals(List.of(), taskService.requestsFor(taskId), "a refused request must not reach task-service");
    }

    @Test
    void evaluatorsHaveAnInboxButNoBulkActionsAndStaffSeeNoIncidents() {
        // evaluators complete 规划实施评估's report items through the inbox (their organisation's only: EvaluationFlowTest)
        as(DemoUsers.EVALUATOR).when().get("/api/inbox").then().statusCode(200);
        as(DemoUsers.EVALUATOR).contentType(ContentType.JSON).body(Map.of("action", "APPROVE", "itemIds", List.of("x")))
                .when().post("/api/inbox/bulk").then().statusCode(403).contentType(PROBLEM);
        as(DemoUsers.STAFF_HAIDIAN).when().get("/api/incidents").then().statusCode(403).contentType(PROBLEM);
        as(DemoUsers.STAFF_HAIDIAN).when().get("/api/processes/anything").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void assignmentRequestWithoutFieldsIsRefusedNamingEachField() {
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body("{}")
                .when().post("/api/assignments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("departmentCode", "taskId"));
    }

    @Test
    void assignmentToAMalformedDepartmentCodeIsRefused() {
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("taskId", uniqueTaskId(), "departmentCode", "Haidian District"))
                .when().post("/api/assignments")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("departmentCode")));
    }

    @Test
    void assigningATaskThatTaskServiceDoesNotKnowAnswers404() {
        long taskId = uniqueTaskId();
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "departmentCode", "haidian"))
                .when().post("/api/assignments")
                .then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("Task " + taskId + " not found"));
        List<TaskServiceStub.RecordedRequest> calls = taskService.requestsFor(taskId);
        assertEquals(1, calls.size());
        assertEquals("GET", calls.get(0).method());
        assertServiceAccountToken(calls.get(0).bearerToken());
    }

    @Test
    void haidianStaffAcceptsTheTaskAndTaskServiceRecordsItExactlyOnce() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "推进中关村科学城建设");

        io.restassured.response.ExtractableResponse<io.restassured.response.Response> response = as(DemoUsers.SUPERVISOR)
                .contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "departmentCode", "haidian"))
                .when().post("/api/assignments")
                .then().statusCode(201)
                .body("taskId", equalTo(taskId))
                .body("departmentCode", equalTo("haidian"))
                .body("businessKey", matchesRegex("task-" + taskId + "-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}"))
                .extract();
        JsonPath created = response.jsonPath();
        String processInstanceId = created.getString("processInstanceId");
        assertNotNull(processInstanceId);
        org.hamcrest.MatcherAssert.assertThat(response.header("Location"), endsWith("/api/processes/" + processInstanceId));

        // li.na (haidian) finds the item in her inbox
        Map<String, Object> item = inboxItemOf(DemoUsers.STAFF_HAIDIAN, processInstanceId);
        assertNotNull(item, "the haidian inbox lists the assigned task");
        assertEquals("接收任务", item.get("name"));
        assertEquals("task-assignment", item.get("processDefinitionKey"));
        assertEquals(taskId, ((Number) item.get("taskId")).longValue());
        assertEquals("推进中关村科学城建设", item.get("taskTitle"));
        assertEquals("haidian", item.get("departmentCode"));
        assertNotNull(item.get("created"));
        String itemId = (String) item.get("id");

        // liu.yang (chaoyang) can neither list, read nor complete it: indistinguishable from a missing item
        assertNull(inboxItemOf(DemoUsers.STAFF_CHAOYANG, processInstanceId), "chaoyang must not see haidian's item");
        String missing = as(DemoUsers.STAFF_CHAOYANG).when().get("/api/inbox/no-such-item")
                .then().statusCode(404).contentType(PROBLEM).extract().path("title");
        as(DemoUsers.STAFF_CHAOYANG).when().get("/api/inbox/" + itemId)
                .then().statusCode(404).contentType(PROBLEM).body("title", equalTo(missing));
        as(DemoUsers.STAFF_CHAOYANG).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/inbox/" + itemId + "/complete")
                .then().statusCode(404).contentType(PROBLEM);

        as(DemoUsers.STAFF_HAIDIAN).when().get("/api/inbox/" + itemId)
                .then().statusCode(200).body("id", equalTo(itemId)).body("processInstanceId", equalTo(processInstanceId));

        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/inbox/" + itemId + "/complete")
                .then().statusCode(200)
                .body("id", equalTo(itemId))
                .body("processInstanceId", equalTo(processInstanceId))
                .body("taskId", equalTo(taskId))
                .body("decision", equalTo("ACCEPT"))
                .body("completedBy", equalTo(DemoUsers.STAFF_HAIDIAN))
                .body("reason", nullValue());

        JsonPath state = awaitProcess(processInstanceId, "process ends after task-service recorded the acceptance",
                s -> s.getBoolean("ended"));
        assertEquals("taskAccepted", state.getString("endActivityId"));
        assertEquals(DemoUsers.STAFF_HAIDIAN, state.getString("variables.acceptedBy"));
        assertEquals(DemoUsers.SUPERVISOR, state.getString("variables.assignedBy"));
        assertEquals("ACCEPT", state.getString("variables.decision"));
        assertEquals(created.getString("businessKey"), state.getString("businessKey"));
        assertEquals(DemoUsers.SUPERVISOR, state.getString("startedBy"));
        assertEquals("task-assignment", state.getString("processDefinitionKey"));

        List<TaskServiceStub.RecordedRequest> acceptances = taskService.acceptanceRequests(taskId);
        assertEquals(1, acceptances.size(), "exactly one PUT .../acceptance");
        TaskServiceStub.RecordedRequest put = acceptances.get(0);
        assertEquals(processInstanceId + ":recordAcceptance", put.idempotencyKey());
        JsonPath sent = JsonPath.from(put.body());
        assertEquals("haidian", sent.getString("departmentCode"));
        assertEquals(DemoUsers.STAFF_HAIDIAN, sent.getString("acceptedBy"));
        assertServiceAccountToken(put.bearerToken());

        // the item is gone from everyone's inbox
        as(DemoUsers.STAFF_HAIDIAN).when().get("/api/inbox/" + itemId).then().statusCode(404);
        assertNull(inboxItemOf(DemoUsers.STAFF_HAIDIAN, processInstanceId));
    }

    @Test
    void completingWithoutADecisionOrReturningWithoutAReasonIsRefusedNamingTheField() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "编制年度实施方案");
        String processInstanceId = assign(taskId, "haidian").getString("processInstanceId");
        String itemId = (String) inboxItemOf(DemoUsers.STAFF_HAIDIAN, processInstanceId).get("id");
        String complete = "/api/inbox/" + itemId + "/complete";

        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("reason", "无关"))
                .when().post(complete)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("decision")));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "MAYBE"))
                .when().post(complete)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("decision")));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "RETURN"))
                .when().post(complete)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("reason")));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "RETURN", "reason", "   "))
                .when().post(complete)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("reason")));

        // the refused attempts changed nothing: the item is still open and unclaimed
        assertNotNull(inboxItemOf(DemoUsers.STAFF_HAIDIAN, processInstanceId));
        JsonPath state = WorkflowApi.processState(processInstanceId);
        assertEquals(List.of("acceptTask"), state.getList("activeActivityIds"));

        // a valid decision still goes through (and leaves no open item behind in the shared test database)
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "RETURN", "reason", "重复交办"))
                .when().post(complete)
                .then().statusCode(200).body("decision", equalTo("RETURN"));
        withdraw(processInstanceId);
    }

    @Test
    void returningTheTaskSendsItToTheSupervisionOfficeWithTheReasonAndTellsTaskServiceNothing() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "建设区域创新中心");
        String processInstanceId = assign(taskId, "haidian").getString("processInstanceId");
        String itemId = (String) inboxItemOf(DemoUsers.STAFF_HAIDIAN, processInstanceId).get("id");

        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("decision", "RETURN", "reason", "该任务应由市科委牵头"))
                .when().post("/api/inbox/" + itemId + "/complete")
                .then().statusCode(200)
                .body("decision", equalTo("RETURN"))
                .body("reason", equalTo("该任务应由市科委牵头"))
                .body("completedBy", equalTo(DemoUsers.STAFF_HAIDIAN));

        JsonPath state = WorkflowApi.processState(processInstanceId);
        assertEquals(List.of("reviewReturn"), state.getList("activeActivityIds"), "the supervision office decides next");
        assertEquals("该任务应由市科委牵头", state.getString("variables.returnReason"));
        assertEquals("RETURN", state.getString("variables.decision"));
        assertNull(state.get("variables.acceptedBy"));
        assertEquals(List.of(), taskService.acceptanceRequests(taskId));
        withdraw(processInstanceId);
    }

    /** The supervision office withdraws a returned assignment, so no open item stays behind in the shared database. */
    private static void withdraw(String processInstanceId) {
        String review = (String) as(DemoUsers.SUPERVISOR).queryParam("text", (String) WorkflowApi.processState(processInstanceId).get("businessKey"))
                .when().get("/api/inbox").then().statusCode(200).extract().jsonPath().getString("items[0].id");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "WITHDRAW", "note", "测试结束"))
                .when().post("/api/inbox/" + review + "/complete").then().statusCode(200);
        WorkflowApi.awaitProcess(processInstanceId, "withdrawn", s -> s.getBoolean("ended"));
    }

    @Test
    void unknownProcessesAnswer404() {
        as(DemoUsers.SUPERVISOR).when().get("/api/processes/does-not-exist")
                .then().statusCode(404).contentType(PROBLEM).body("status", equalTo(404));
    }

    /** A token that Keycloak issued to workflow-service's service account (client credentials). */
    static void assertServiceAccountToken(String jwt) {
        assertNotNull(jwt, "task-service must receive a bearer token");
        JsonNode claims = KeycloakTokens.claims(jwt);
        assertEquals(KeycloakTokens.WORKFLOW_CLIENT, claims.path("azp").asText());
        assertEquals(KeycloakTokens.issuer(), claims.path("iss").asText());
        List<String> roles = new java.util.ArrayList<>();
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        org.hamcrest.MatcherAssert.assertThat(roles, hasItem("service"));
        org.hamcrest.MatcherAssert.assertThat(claims.path("preferred_username").asText(),
                equalTo("service-account-luoshi-workflow"));
        org.hamcrest.MatcherAssert.assertThat(claims.path("exp").asLong(), notNullValue());
    }
}
