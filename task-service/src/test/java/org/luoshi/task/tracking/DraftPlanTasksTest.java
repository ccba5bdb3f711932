package org.luoshi.task.tracking;

import org.luoshi.task.Fixtures;
import org.luoshi.task.TestData;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A draft plan is the supervising office's working copy: its tasks are seen by it (and admins) alone, on every path
 * that reaches a task, and nobody assigns them before the plan is confirmed.
 */
@QuarkusTest
class DraftPlanTasksTest {
    @Inject
    Fixtures fixtures;

    @Test
    void theTasksOfADraftPlanAreNotFoundOnAnyPathForStaffOrEvaluators() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long draft = TestData.draftPlan(supervisor);
        String title = "草稿任务 " + UUID.randomUUID();
        long taskId = TestData.task(supervisor, draft, title, "haidian");
        long milestoneId = fixtures.milestone(taskId, "草稿节点", LocalDate.of(2030, 6, 30));

        given().auth().oauth2(supervisor).when().get("/api/tasks/" + taskId).then().statusCode(200);
        for (String user : new String[] { DemoUsers.STAFF_HAIDIAN, DemoUsers.EVALUATOR }) {
            String token = KeycloakTokens.accessToken(user);
            given().auth().oauth2(token).when().get("/api/tasks/" + taskId).then().statusCode(404);
            given().auth().oauth2(token).when().get("/api/tasks/" + taskId + "/revisions").then().statusCode(404);
            given().auth().oauth2(token).when().get("/api/milestones/" + milestoneId + "/reports").then().statusCode(404);
            given().auth().oauth2(token).when().get("/api/milestones/" + milestoneId + "/evidence").then().statusCode(404);
            given().auth().oauth2(token).queryParam("q", title).when().get("/api/tasks")
                    .then().statusCode(200).body("total", equalTo(0));
            given().auth().oauth2(token).when().get("/api/tasks?size=500")
                    .then().statusCode(200).body("items.id", not(hasItem((int) taskId)));
        }
    }

    @Test
    void aTaskOfADraftPlanCannotBeAssignedUntilThePlanIsConfirmed() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long draft = TestData.draftPlan(supervisor);
        long taskId = TestData.task(supervisor, draft, "待确认规划的任务", null);

        given().auth().oauth2(supervisor).contentType(ContentType.JSON).header("If-Match", "W/\"0\"")
                .body("{\"leadDepartmentCode\":\"haidian\",\"dueDate\":\"2030-12-31\"}")
                .when().put("/api/tasks/" + taskId + "/assignment")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("plan-draft"));
        given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body("{\"items\":[{\"taskId\":" + taskId + ",\"version\":0,\"leadDepartmentCode\":\"haidian\"}]}")
                .when().post("/api/plans/" + draft + "/assignments")
                .then().statusCode(409).body("code", equalTo("plan-draft"));
        given().auth().oauth2(supervisor).when().get("/api/tasks/" + taskId)
                .then().statusCode(200).body("leadDepartmentCode", equalTo(null)).body("planStatus", equalTo("DRAFT"));
    }
}
