package org.luoshi.task;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The access rules, exercised with tokens issued by the real Keycloak the test runner started. */
@QuarkusTest
class AccessWithRealTokensTest {

    @Test
    void aRequestWithoutATokenIsUnauthorizedWithAProblemDocument() {
        given().when().get("/api/departments")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401));
    }

    @Test
    void aTokenSignedByAnotherKeyIsUnauthorizedEvenWithTheRightClaims() {
        String forged = KeycloakTokens.forgedToken(DemoUsers.SUPERVISOR, List.of("supervisor", "admin"), List.of("supervision"));
        given().auth().oauth2(forged).when().get("/api/departments").then().statusCode(401);
    }

    @Test
    void aGenuineRealmTokenIssuedForAnotherAudienceIsUnauthorized() {
        String otherAudience = KeycloakTokens.tokenForAnotherAudience(DemoUsers.SUPERVISOR);
        org.assertj.core.api.Assertions.assertThat(KeycloakTokens.claims(otherAudience).path("aud").toString())
                .doesNotContain("luoshi-api");
        given().auth().oauth2(otherAudience).when().get("/api/departments").then().statusCode(401);
    }

    @Test
    void aGarbageTokenIsUnauthorized() {
        given().auth().oauth2("not-a-jwt").when().get("/api/plans").then().statusCode(401);
    }

    @Test
    void staffMayNotCreateAPlan() {
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN))
                .contentType(ContentType.JSON)
                .body("{\"title\":\"t\",\"issuingBodies\":[\"b\"],\"periodStart\":2021,\"periodEnd\":2025}")
                .when().post("/api/plans")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theEvaluatorReadsButMayNotCreateTasks() {
        long planId = TestData.planInForce(KeycloakTokens.accessToken(DemoUsers.SUPERVISOR));
        String evaluator = KeycloakTokens.accessToken(DemoUsers.EVALUATOR);
        given().auth().oauth2(evaluator).when().get("/api/plans/" + planId).then().statusCode(200);
        given().auth().oauth2(evaluator).contentType(ContentType.JSON).body("{\"title\":\"x\"}")
                .when().post("/api/plans/" + planId + "/tasks")
                .then().statusCode(403);
    }

    @Test
    void staffSeeTheirOwnDepartmentsTaskAndAnotherDepartmentsTaskIsNotFound() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long planId = TestData.planInForce(supervisor);
        long haidianTask = TestData.task(supervisor, planId, "海淀区的任务", "haidian");
        long chaoyangTask = TestData.task(supervisor, planId, "朝阳区的任务", "chaoyang");
        String haidianStaff = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);

        given().auth().oauth2(haidianStaff).when().get("/api/tasks/" + haidianTask)
                .then().statusCode(200).body("leadDepartmentCode", equalTo("haidian"));
        given().auth().oauth2(haidianStaff).when().get("/api/tasks/" + chaoyangTask)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", not(containsString("朝阳")));
        given().auth().oauth2(haidianStaff).when().get("/api/tasks?size=200&planId=" + planId)
                .then().statusCode(200)
                .body("items.leadDepartmentCode", everyItem(equalTo("haidian")))
                .body("items.id", hasItem((int) haidianTask));
    }

    @Test
    void staffOfACoDepartmentSeeTheTaskButOnlyTheLeadDepartmentPlansItsMilestones() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long taskId = TestData.task(supervisor, TestData.planInForce(supervisor), "海淀区牵头、朝阳区配合的任务", "haidian");
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).header("If-Match", "W/\"0\"")
                .body("{\"leadDepartmentCode\":\"haidian\",\"coDepartmentCodes\":[\"chaoyang\"],\"dueDate\":\"2030-12-31\"}")
                .when().put("/api/tasks/" + taskId + "/assignment").then().statusCode(200);
        String milestone = "{\"title\":\"完成方案\",\"dueDate\":\"2030-06-30\"}";

        String chaoyang = KeycloakTokens.accessToken(DemoUsers.STAFF_CHAOYANG);
        given().auth().oauth2(chaoyang).when().get("/api/tasks/" + taskId).then().statusCode(200);
        given().auth().oauth2(chaoyang).contentType(ContentType.JSON).body(milestone)
                .when().post("/api/tasks/" + taskId + "/milestones").then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN)).contentType(ContentType.JSON).body(milestone)
                .when().post("/api/tasks/" + taskId + "/milestones").then().statusCode(201);
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.STAFF_EIT)).when().get("/api/tasks/" + taskId)
                .then().statusCode(404);
        given().auth().oauth2(chaoyang).contentType(ContentType.JSON).header("If-Match", "W/\"1\"")
                .body("{\"leadDepartmentCode\":\"chaoyang\"}")
                .when().put("/api/tasks/" + taskId + "/assignment").then().statusCode(403);
    }

    @Test
    void staffDoNotSeeDraftPlans() {
        long draft = TestData.draftPlan(KeycloakTokens.accessToken(DemoUsers.SUPERVISOR));
        String staff = KeycloakTokens.accessToken(DemoUsers.STAFF_DRC);
        given().auth().oauth2(staff).when().get("/api/plans/" + draft).then().statusCode(404);
        given().auth().oauth2(staff).when().get("/api/plans").then().statusCode(200).body("id", not(hasItem((int) draft)));
    }

    @Test
    void onlyTheWorkflowServiceAccountRecordsAnAcceptance() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long taskId = TestData.task(supervisor, TestData.planInForce(supervisor), "待接收的任务", "haidian");
        String body = "{\"departmentCode\":\"haidian\",\"acceptedBy\":\"li.na\"}";

        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "staff-" + taskId).body(body)
                .when().put("/api/tasks/" + taskId + "/acceptance")
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.serviceAccountToken()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "service-" + taskId).body(body)
                .when().put("/api/tasks/" + taskId + "/acceptance")
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("acceptedBy", equalTo("li.na"));
    }

    @Test
    void onlyTheWorkflowServiceAccountAppliesAnAdjustment() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long taskId = TestData.task(supervisor, TestData.planInForce(supervisor), "待调整的任务", "haidian");
        String body = "{\"taskId\":" + taskId + ",\"reasonCategory\":\"OTHER\",\"justification\":\"工作需要\","
                + "\"requestedBy\":\"li.na\",\"reviewedBy\":\"chen.jing\",\"approvedBy\":\"sun.lei\","
                + "\"newTitle\":\"调整后的任务\"}";

        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(body)
                .when().put("/api/adjustments/supervisor-" + taskId)
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.serviceAccountToken()).contentType(ContentType.JSON).body(body)
                .when().put("/api/adjustments/service-" + taskId)
                .then().statusCode(200).body("revision", equalTo(1)).body("after.title", equalTo("调整后的任务"));
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN)).when().get("/api/tasks/" + taskId + "/revisions")
                .then().statusCode(200).body("revision", org.hamcrest.Matchers.contains(0, 1));
    }
}
