package org.luoshi.task.tracking;

import org.luoshi.task.TestData;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Planning milestones is the lead department's until the workflow tracks them; then a date change or a removal goes
 * through 动态调整 or the supervising office, and a done milestone never changes.
 */
@QuarkusTest
class TrackedMilestoneRulesTest {
    private static final String PLANNED = "{\"title\":\"完成方案\",\"dueDate\":\"2030-06-30\"}";
    private static final String MOVED = "{\"title\":\"完成方案\",\"dueDate\":\"2031-06-30\"}";

    @Test
    void theLeadDepartmentMovesAMilestoneItPlansButNotOneTheWorkflowTracks() {
        String staff = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        long first = milestoneOfAHaidianTask(staff);
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(MOVED)
                .when().put("/api/milestones/" + first).then().statusCode(200);

        long tracked = milestoneOfAHaidianTask(staff);
        track(tracked);
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "W/\"1\"").body(MOVED)
                .when().put("/api/milestones/" + tracked)
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("milestone-tracked"));
        given().auth().oauth2(staff).header("If-Match", "W/\"1\"").when().delete("/api/milestones/" + tracked)
                .then().statusCode(409).body("code", equalTo("milestone-tracked"));
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "W/\"1\"")
                .body("{\"title\":\"完成方案（修订稿）\",\"dueDate\":\"2030-06-30\"}")
                .when().put("/api/milestones/" + tracked).then().statusCode(200);
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.SUPERVISOR)).contentType(ContentType.JSON)
                .header("If-Match", "W/\"2\"").body(MOVED)
                .when().put("/api/milestones/" + tracked).then().statusCode(200);
    }

    @Test
    void aDoneMilestoneNeverChangesNotEvenByTheSupervisingOffice() {
        long milestone = milestoneOfAHaidianTask(KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN));
        track(milestone);
        given().auth().oauth2(KeycloakTokens.serviceAccountToken()).contentType(ContentType.JSON)
                .body("{\"completedOn\":\"2026-01-05\"}")
                .when().put("/api/milestones/" + milestone + "/completion").then().statusCode(200);
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).header("If-Match", "W/\"2\"").body(PLANNED)
                .when().put("/api/milestones/" + milestone)
                .then().statusCode(409).body("code", equalTo("milestone-done"));
        given().auth().oauth2(supervisor).header("If-Match", "W/\"2\"").when().delete("/api/milestones/" + milestone)
                .then().statusCode(409).body("code", equalTo("milestone-done"));
    }

    @Test
    void startingToTrackIsTheWorkflowsAndARepeatChangesNothing() {
        String staff = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        long milestone = milestoneOfAHaidianTask(staff);
        given().auth().oauth2(staff).contentType(ContentType.JSON).body(taskOf(milestone))
                .when().put("/api/milestones/" + milestone + "/tracking").then().statusCode(403);
        JsonPath first = track(milestone);
        org.assertj.core.api.Assertions.assertThat(first.getBoolean("newlyTracked")).isTrue();
        JsonPath again = track(milestone);
        org.assertj.core.api.Assertions.assertThat(again.getBoolean("newlyTracked")).isFalse();
        org.assertj.core.api.Assertions.assertThat(again.getInt("version")).isEqualTo(1);
    }

    @Test
    void theTrackingAnswerCarriesWhatTheProcessNeedsOfTheTaskAndNotItsOtherMilestones() {
        String staff = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        long milestone = milestoneOfAHaidianTask(staff);
        JsonPath answer = track(milestone);
        org.assertj.core.api.Assertions.assertThat(answer.getLong("milestoneId")).isEqualTo(milestone);
        org.assertj.core.api.Assertions.assertThat(answer.getString("title")).isEqualTo("完成方案");
        org.assertj.core.api.Assertions.assertThat(answer.getString("dueDate")).isEqualTo("2030-06-30");
        org.assertj.core.api.Assertions.assertThat(answer.getString("status")).isEqualTo("PLANNED");
        org.assertj.core.api.Assertions.assertThat(answer.getLong("taskId")).isEqualTo(TASK_OF.get(milestone));
        org.assertj.core.api.Assertions.assertThat(answer.getString("taskTitle")).isEqualTo("节点任务");
        org.assertj.core.api.Assertions.assertThat(answer.getString("taskReference")).isNotBlank();
        org.assertj.core.api.Assertions.assertThat(answer.getString("leadDepartmentCode")).isEqualTo("haidian");
        org.assertj.core.api.Assertions.assertThat(answer.getList("coDepartmentCodes")).isEmpty();
        org.assertj.core.api.Assertions.assertThat(answer.getMap("$")).doesNotContainKeys("milestones", "sourceText");
    }

    @Test
    void aMilestoneOfAnotherTaskOrADoneOneIsRefusedAndNotTracked() {
        String staff = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        String service = KeycloakTokens.serviceAccountToken();
        long milestone = milestoneOfAHaidianTask(staff);
        long other = milestoneOfAHaidianTask(staff);
        given().auth().oauth2(service).contentType(ContentType.JSON).body(taskOf(other))
                .when().put("/api/milestones/" + milestone + "/tracking").then().statusCode(404);
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{}")
                .when().put("/api/milestones/" + milestone + "/tracking").then().statusCode(400)
                .body("errors[0].field", equalTo("taskId"));
        // not tracked: its lead department still moves it
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(MOVED)
                .when().put("/api/milestones/" + milestone).then().statusCode(200);

        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"completedOn\":\"2026-01-05\"}")
                .when().put("/api/milestones/" + other + "/completion").then().statusCode(200);
        given().auth().oauth2(service).contentType(ContentType.JSON).body(taskOf(other))
                .when().put("/api/milestones/" + other + "/tracking").then().statusCode(409)
                .body("code", equalTo("milestone-done"));
    }

    @Test
    void manyMilestonesStartToBeTrackedInOneCallAllOrNone() {
        String staff = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        long first = milestoneOfAHaidianTask(staff);
        long second = milestoneOfAHaidianTask(staff);
        String service = KeycloakTokens.serviceAccountToken();
        given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"milestoneIds\":[" + first + "]}")
                .when().put("/api/milestones/tracking").then().statusCode(403);
        // an unknown id refuses the whole page: the first one stays untracked
        given().auth().oauth2(service).contentType(ContentType.JSON)
                .body("{\"milestoneIds\":[" + first + ",999999999]}")
                .when().put("/api/milestones/tracking").then().statusCode(404);
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(MOVED)
                .when().put("/api/milestones/" + first).then().statusCode(200);
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"milestoneIds\":[]}")
                .when().put("/api/milestones/tracking").then().statusCode(400).body("errors[0].field", equalTo("milestoneIds"));

        given().auth().oauth2(service).contentType(ContentType.JSON)
                .body("{\"milestoneIds\":[" + first + "," + second + "]}")
                .when().put("/api/milestones/tracking").then().statusCode(200)
                .body("requested", equalTo(2)).body("newlyTracked", equalTo(2));
        given().auth().oauth2(service).contentType(ContentType.JSON)
                .body("{\"milestoneIds\":[" + first + "," + second + "]}")
                .when().put("/api/milestones/tracking").then().statusCode(200).body("newlyTracked", equalTo(0));
        given().auth().oauth2(staff).contentType(ContentType.JSON).header("If-Match", "W/\"2\"").body(PLANNED)
                .when().put("/api/milestones/" + first)
                .then().statusCode(409).body("code", equalTo("milestone-tracked"));
    }

    /** The task of each milestone this class planned, which a tracking call names. */
    private static final java.util.Map<Long, Long> TASK_OF = new java.util.concurrent.ConcurrentHashMap<>();

    private static long milestoneOfAHaidianTask(String staff) {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long taskId = TestData.task(supervisor, TestData.planInForce(supervisor), "节点任务", "haidian");
        long milestoneId = given().auth().oauth2(staff).contentType(ContentType.JSON).body(PLANNED)
                .when().post("/api/tasks/" + taskId + "/milestones")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        TASK_OF.put(milestoneId, taskId);
        return milestoneId;
    }

    private static String taskOf(long milestoneId) {
        return "{\"taskId\":" + TASK_OF.get(milestoneId) + "}";
    }

    private static JsonPath track(long milestoneId) {
        return given().auth().oauth2(KeycloakTokens.serviceAccountToken()).contentType(ContentType.JSON)
                .body(taskOf(milestoneId))
                .when().put("/api/milestones/" + milestoneId + "/tracking")
                .then().statusCode(200).extract().jsonPath();
    }
}
