package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.TestData;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * {@code POST /api/tasks/{id}/tracked-milestones}: workflow-service adds a milestone and records its tracking in one
 * transaction, for the supervisor who asked (whom the audit entry names), once per Idempotency-Key; a refusal records
 * nothing.
 */
@QuarkusTest
class TrackedMilestoneAdditionTest {
    private static final String SUPERVISOR = DemoUsers.SUPERVISOR;

    @Inject
    SessionFactory sessions;

    private static String body(String title, String dueDate) {
        return "{\"milestone\":{\"title\":" + (title == null ? "null" : "\"" + title + "\"") + ",\"dueDate\":"
                + (dueDate == null ? "null" : "\"" + dueDate + "\"") + "},\"requestedBy\":\"chen.jing\"}";
    }

    private static ValidatableResponse add(String token, long taskId, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.when().post("/api/tasks/" + taskId + "/tracked-milestones").then();
    }

    private static ValidatableResponse add(long taskId, String key, String body) {
        return add(KeycloakTokens.serviceAccountToken(), taskId, key, body);
    }

    private static long haidianTask() {
        String supervisor = KeycloakTokens.accessToken(SUPERVISOR);
        return TestData.task(supervisor, TestData.planInForce(supervisor), "跟踪节点任务", "haidian");
    }

    private static List<Map<String, Object>> milestonesOf(long taskId) {
        return given().auth().oauth2(KeycloakTokens.accessToken(SUPERVISOR)).when().get("/api/tasks/" + taskId)
                .then().statusCode(200).extract().jsonPath().getList("milestones");
    }

    @Test
    void aMilestoneIsAddedTrackedInOneCallAndItsAuditEntryNamesTheSupervisorWhoAsked() {
        long taskId = haidianTask();

        JsonPath answer = add(taskId, UUID.randomUUID().toString(), body(" 完成中期评估 ", "2030-06-30"))
                .statusCode(201).extract().jsonPath();

        long milestoneId = answer.getLong("milestoneId");
        assertThat(answer.getBoolean("newlyTracked")).isTrue();
        assertThat(answer.getString("title")).isEqualTo("完成中期评估");
        assertThat(answer.getString("dueDate")).isEqualTo("2030-06-30");
        assertThat(answer.getLong("taskId")).isEqualTo(taskId);
        assertThat(answer.getString("taskTitle")).isEqualTo("跟踪节点任务");
        assertThat(answer.getString("taskReference")).isNotBlank();
        assertThat(answer.getString("leadDepartmentCode")).isEqualTo("haidian");
        assertThat(milestonesOf(taskId)).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("tracked", true).containsEntry("status", "PLANNED"));
        // tracked: its lead department no longer moves its date
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN)).contentType(ContentType.JSON)
                .header("If-Match", "W/\"" + answer.getInt("version") + "\"")
                .body("{\"title\":\"完成中期评估\",\"dueDate\":\"2031-06-30\"}")
                .when().put("/api/milestones/" + milestoneId).then().statusCode(409).body("code", equalTo("milestone-tracked"));

        JsonPath audit = given().auth().oauth2(KeycloakTokens.accessToken(SUPERVISOR))
                .queryParam("entityType", "milestone").queryParam("entityId", milestoneId)
                .when().get("/api/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("items")).hasSize(1);
        assertThat(audit.getString("items[0].action")).isEqualTo("milestone.added-tracked");
        assertThat(audit.getList("items[0].actorRoles")).contains("service");
        assertThat(audit.getString("items[0].after.requestedBy")).isEqualTo("chen.jing");
        assertThat(audit.getBoolean("items[0].after.milestone.tracked")).isTrue();
    }

    @Test
    void theSameIdempotencyKeyAgainAnswersTheSameMilestoneAndAddsNoOther() {
        long taskId = haidianTask();
        String key = UUID.randomUUID().toString();
        long first = add(taskId, key, body("节点", "2030-06-30")).statusCode(201).extract().jsonPath().getLong("milestoneId");

        add(taskId, key, body("节点", "2030-06-30")).statusCode(200)
                .body("milestoneId", equalTo((int) first)).body("newlyTracked", equalTo(false));

        assertThat(milestonesOf(taskId)).hasSize(1);
        // the key names that change: for another task it is refused, and that task gets nothing
        long other = haidianTask();
        add(other, key, body("节点", "2030-06-30")).statusCode(409);
        assertThat(milestonesOf(other)).isEmpty();
    }

    @Test
    void aBadMilestoneIsRefusedNamingTheFieldAndNothingIsAdded() {
        long taskId = haidianTask();
        String key = UUID.randomUUID().toString();

        add(taskId, key, body(" ", "2030-06-30")).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("milestone.title"));
        add(taskId, key, body("节点", null)).statusCode(400).body("errors[0].field", equalTo("milestone.dueDate"));
        add(taskId, key, body("节".repeat(301), "2030-06-30")).statusCode(400)
                .body("errors[0].field", equalTo("milestone.title"));
        add(taskId, key, body("节\\u0000点", "2030-06-30")).statusCode(400)
                .body("errors[0].field", equalTo("milestone.title"));
        add(taskId, null, body("节点", "2030-06-30")).statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));

        assertThat(milestonesOf(taskId)).isEmpty();
        // the refused calls recorded nothing under the key: it still adds
        add(taskId, key, body("节点", "2030-06-30")).statusCode(201);
    }

    @Test
    void aCompletedTaskTakesANewTrackedMilestoneAsItTakesANewMilestone() {
        long taskId = haidianTask();
        long first = add(taskId, UUID.randomUUID().toString(), body("节点一", "2030-06-30")).statusCode(201)
                .extract().jsonPath().getLong("milestoneId");
        given().auth().oauth2(KeycloakTokens.serviceAccountToken()).contentType(ContentType.JSON)
                .body("{\"completedOn\":\"2026-01-05\"}")
                .when().put("/api/milestones/" + first + "/completion").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        add(taskId, UUID.randomUUID().toString(), body("节点二", "2030-09-30")).statusCode(201)
                .body("newlyTracked", equalTo(true));
        assertThat(milestonesOf(taskId)).hasSize(2);
    }

    @Test
    void anUnknownTaskIsNotFoundAndATaskNoDepartmentLeadsOrAnotherCallerIsRefused() {
        add(999_999_999L, UUID.randomUUID().toString(), body("节点", "2030-06-30")).statusCode(404);

        String supervisor = KeycloakTokens.accessToken(SUPERVISOR);
        long unassigned = TestData.task(supervisor, TestData.planInForce(supervisor), "未交办任务", null);
        add(unassigned, UUID.randomUUID().toString(), body("节点", "2030-06-30")).statusCode(409)
                .body("code", equalTo("task.not-trackable"));
        assertThat(milestonesOf(unassigned)).isEmpty();

        long taskId = haidianTask();
        add(supervisor, taskId, UUID.randomUUID().toString(), body("节点", "2030-06-30")).statusCode(403);
        add(KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN), taskId, UUID.randomUUID().toString(),
                body("节点", "2030-06-30")).statusCode(403);
        assertThat(milestonesOf(taskId)).isEmpty();
    }

    /**
     * Issue 15: the task is read once with everything the answer names of it (place, lead, co-departments), and the
     * milestone just inserted is answered and audited as stored — its weight at the column's scale — without being read
     * back with its task. Counted with Hibernate's statistics, never timed.
     */
    @Test
    void theNewMilestoneIsAnsweredAndAuditedAsStoredWithoutReadingItBack() {
        String supervisor = KeycloakTokens.accessToken(SUPERVISOR);
        long taskId = haidianTask();
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).header("If-Match", "W/\"0\"")
                .body("{\"leadDepartmentCode\":\"haidian\",\"coDepartmentCodes\":[\"xicheng\",\"chaoyang\"],"
                        + "\"dueDate\":\"2030-12-31\"}")
                .when().put("/api/tasks/" + taskId + "/assignment").then().statusCode(200);
        String token = KeycloakTokens.serviceAccountToken();

        Statistics statistics = sessions.getStatistics();
        statistics.setStatisticsEnabled(true);
        statistics.clear();
        JsonPath answer = add(token, taskId, UUID.randomUUID().toString(), "{\"milestone\":{\"title\":\"节点\","
                + "\"dueDate\":\"2020-06-30\",\"weight\":2.345},\"requestedBy\":\"chen.jing\"}")
                .statusCode(201).extract().jsonPath();
        long milestonesLoaded = statistics.getEntityStatistics(Milestone.class.getName()).getLoadCount();
        long tasksLoaded = statistics.getEntityStatistics(PlanTask.class.getName()).getLoadCount();
        statistics.setStatisticsEnabled(false);

        assertThat(milestonesLoaded).isZero();
        assertThat(tasksLoaded).isEqualTo(1);
        assertThat(answer.getList("coDepartmentCodes")).containsExactly("chaoyang", "xicheng");
        assertThat(answer.getString("taskReference")).isNotBlank();
        assertThat(answer.getString("status")).isEqualTo("PLANNED");
        assertThat(answer.getInt("version")).isZero();
        long milestoneId = answer.getLong("milestoneId");
        JsonPath audit = given().auth().oauth2(supervisor).queryParam("entityType", "milestone")
                .queryParam("entityId", milestoneId).when().get("/api/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getString("items[0].after.milestone.weight")).isEqualTo("2.35");
        assertThat(audit.getInt("items[0].after.milestone.ordinal")).isEqualTo(1);
        assertThat(audit.getBoolean("items[0].after.milestone.tracked")).isTrue();
        assertThat(audit.getBoolean("items[0].after.milestone.overdue")).isTrue();
        assertThat(audit.getString("items[0].after.milestone.status")).isEqualTo("PLANNED");
        assertThat(milestonesOf(taskId)).singleElement().satisfies(m -> assertThat(m.get("weight").toString()).isEqualTo("2.35"));
    }
}
