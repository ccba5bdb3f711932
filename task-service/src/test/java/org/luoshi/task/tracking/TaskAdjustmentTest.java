package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** 动态调整: applied as a new revision of the task, the original kept as revision 0. */
@QuarkusTest
class TaskAdjustmentTest {
    @Inject
    Fixtures fixtures;

    long taskId;
    long milestoneId;

    void haidianTask() {
        taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", List.of("chaoyang"), LocalDate.of(2025, 12, 31),
                "建设创新中心");
        milestoneId = fixtures.milestone(taskId, "完成方案", LocalDate.of(2025, 6, 30));
    }

    String adjustment(String changes) {
        return "{\"taskId\":" + taskId + ",\"reasonCategory\":\"POLICY_CHANGE\",\"justification\":\"国家政策调整\","
                + "\"requestedBy\":\"li.na\",\"reviewedBy\":\"chen.jing\",\"approvedBy\":\"sun.lei\"" + changes + "}";
    }

    static Response put(String key, String body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/api/adjustments/" + key);
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void anAdjustmentChangesTheTaskAndKeepsTheOriginalAsRevisionZero() {
        haidianTask();
        String key = "proc-" + taskId + ":applyAdjustment";
        String body = adjustment(",\"newDueDate\":\"2026-06-30\",\"milestoneDueDates\":{\"" + milestoneId + "\":\"2026-03-31\"},"
                + "\"newLeadDepartmentCode\":\"chaoyang\",\"newTitle\":\"建设国际创新中心\"");
        put(key, body).then().statusCode(200)
                .body("adjustmentKey", equalTo(key))
                .body("revision", equalTo(1))
                .body("before.dueDate", equalTo("2025-12-31"))
                .body("before.title", equalTo("建设创新中心"))
                .body("after.dueDate", equalTo("2026-06-30"))
                .body("after.milestones[0].dueDate", equalTo("2026-03-31"))
                .body("after.leadDepartmentCode", equalTo("chaoyang"))
                .body("after.coDepartmentCodes.size()", equalTo(0))
                .body("after.title", equalTo("建设国际创新中心"));
        int version = given().when().get("/api/tasks/" + taskId).then().body("dueDate", equalTo("2026-06-30"))
                .extract().path("version");

        put(key, body).then().statusCode(200).body("revision", equalTo(1)).body("before.dueDate", equalTo("2025-12-31"));
        given().when().get("/api/tasks/" + taskId).then().body("version", equalTo(version));

        put("second-" + taskId, adjustment(",\"newDueDate\":\"2026-09-30\"")).then().statusCode(200)
                .body("revision", equalTo(2)).body("before.dueDate", equalTo("2026-06-30"));
        given().when().get("/api/tasks/" + taskId + "/revisions").then().statusCode(200)
                .body("revision", contains(0, 1, 2))
                .body("[0].before", nullValue())
                .body("[0].after.title", equalTo("建设创新中心"))
                .body("[0].after.dueDate", equalTo("2025-12-31"))
                .body("[1].reasonCategory", equalTo("POLICY_CHANGE"))
                .body("[1].requestedBy", equalTo("li.na"))
                .body("[1].approvedBy", equalTo("sun.lei"))
                .body("[2].after.dueDate", equalTo("2026-09-30"));
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void theAdjustmentCheckAnswersTheSame400AsTheApplicationAndChangesNothing() {
        haidianTask();
        given().contentType(ContentType.JSON).body(adjustment(",\"newDueDate\":\"2020-12-31\""))
                .when().post("/api/adjustments/validation")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("newDueDate"));
        given().contentType(ContentType.JSON).body(adjustment(",\"newDueDate\":\"2026-06-30\""))
                .when().post("/api/adjustments/validation").then().statusCode(204);
        given().when().get("/api/tasks/" + taskId).then().body("dueDate", equalTo("2025-12-31"));
        given().when().get("/api/tasks/" + taskId + "/revisions").then().body("size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void anAdjustmentThatChangesNothingOrNamesWhatDoesNotFitIsRefusedNamingTheField() {
        haidianTask();
        long otherTask = fixtures.assignedTask(fixtures.planInForce(), "haidian");
        long foreignMilestone = fixtures.milestone(otherTask, "别的节点", LocalDate.of(2025, 6, 30));
        put("a-" + taskId, adjustment("")).then().statusCode(400).body("errors[0].field", equalTo("changes"));
        put("b-" + taskId, adjustment(",\"newDueDate\":\"2025-12-31\"")).then().statusCode(400)
                .body("errors[0].field", equalTo("changes"));
        put("c-" + taskId, adjustment(",\"newDueDate\":\"2020-12-31\"")).then().statusCode(400)
                .body("errors[0].field", equalTo("newDueDate"));
        put("d-" + taskId, adjustment(",\"milestoneDueDates\":{\"" + foreignMilestone + "\":\"2026-03-31\"}")).then()
                .statusCode(400).body("errors[0].field", equalTo("milestoneDueDates." + foreignMilestone));
        put("e-" + taskId, adjustment(",\"milestoneDueDates\":{\"" + milestoneId + "\":\"2019-03-31\"}")).then()
                .statusCode(400).body("errors[0].field", equalTo("milestoneDueDates." + milestoneId));
        put("f-" + taskId, adjustment(",\"newLeadDepartmentCode\":\"atlantis\"")).then().statusCode(400)
                .body("errors[0].field", equalTo("newLeadDepartmentCode"));
        put("g-" + taskId, adjustment(",\"newDueDate\":\"2026-06-30\"").replace("POLICY_CHANGE", "WHIM")).then()
                .statusCode(400).body("errors[0].field", equalTo("reasonCategory"));
        given().when().get("/api/tasks/" + taskId + "/revisions").then().body("size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void anAdjustmentKeyReusedForAnotherTaskIsAConflict() {
        haidianTask();
        long first = taskId;
        put("shared-" + first, adjustment(",\"newDueDate\":\"2026-06-30\"")).then().statusCode(200);
        haidianTask();
        put("shared-" + first, adjustment(",\"newDueDate\":\"2026-06-30\"")).then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"haidian\"]", type = ClaimType.JSON_ARRAY))
    void staffMayNotApplyAnAdjustmentButSeeTheirTasksRevisions() {
        haidianTask();
        put("staff-" + taskId, adjustment(",\"newDueDate\":\"2026-06-30\"")).then().statusCode(403);
        given().when().get("/api/tasks/" + taskId + "/revisions").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "zhou.qiang", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"eit\"]", type = ClaimType.JSON_ARRAY))
    void staffOfAnotherDepartmentDoNotSeeTheRevisions() {
        haidianTask();
        given().when().get("/api/tasks/" + taskId + "/revisions").then().statusCode(404);
    }
}
