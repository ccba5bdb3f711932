package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** The acceptance that workflow-service records: applied once per idempotency key. */
@QuarkusTest
@TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
class TaskAcceptanceTest {
    private static final String BODY = "{\"departmentCode\":\"haidian\",\"acceptedBy\":\"li.na\"}";

    @Inject
    Fixtures fixtures;

    @Test
    void aRepeatedAcceptanceWithTheSameKeyIsAppliedOnce() {
        long taskId = assignedTask();
        String key = "proc-" + taskId + ":recordAcceptance";
        String firstAcceptedAt = accept(taskId, key).then().statusCode(200).extract().path("acceptedAt");
        int firstVersion = accept(taskId, key).then().statusCode(200)
                .body("acceptedAt", equalTo(firstAcceptedAt))
                .extract().path("version");
        given().when().get("/api/tasks/" + taskId).then().body("version", equalTo(firstVersion));
    }

    @Test
    void aSecondAcceptanceUnderAnotherKeyIsAConflict() {
        long taskId = assignedTask();
        accept(taskId, "first-" + taskId).then().statusCode(200);
        accept(taskId, "second-" + taskId).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void theAcceptanceCheckAnswersWhatTheAcceptanceWouldAndRecordsNothing() {
        long taskId = assignedTask();
        validate(taskId, BODY).then().statusCode(204);
        validate(taskId, BODY.replace("haidian", "atlantis")).then().statusCode(400)
                .body("errors[0].field", equalTo("departmentCode"));
        given().when().get("/api/tasks/" + taskId).then().body("status", equalTo("ASSIGNED"));

        accept(taskId, "first-" + taskId).then().statusCode(200);
        validate(taskId, BODY).then().statusCode(409).contentType("application/problem+json");
    }

    private static io.restassured.response.Response validate(long taskId, String body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/tasks/" + taskId + "/acceptance/validation");
    }

    @Test
    void aKeyAlreadyUsedForAnotherTaskIsAConflict() {
        long one = assignedTask();
        long other = assignedTask();
        accept(one, "shared-" + one).then().statusCode(200);
        accept(other, "shared-" + one).then().statusCode(409);
    }

    @Test
    void anAcceptanceWithoutAKeyIsRefusedNamingTheHeader() {
        long taskId = assignedTask();
        given().contentType(ContentType.JSON).body(BODY)
                .when().put("/api/tasks/" + taskId + "/acceptance")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void anAcceptanceWithoutTheAcceptingUserNamesTheField() {
        long taskId = assignedTask();
        given().contentType(ContentType.JSON).header("Idempotency-Key", "k-" + taskId)
                .body("{\"departmentCode\":\"haidian\"}")
                .when().put("/api/tasks/" + taskId + "/acceptance")
                .then().statusCode(400).body("errors[0].field", equalTo("acceptedBy"));
    }

    @Test
    void anAcceptanceOfAMissingTaskIsNotFound() {
        accept(Long.MAX_VALUE, "missing").then().statusCode(404);
    }

    private static io.restassured.response.Response accept(long taskId, String key) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(BODY)
                .when().put("/api/tasks/" + taskId + "/acceptance");
    }

    private long assignedTask() {
        return fixtures.assignedTask(fixtures.planInForce(), "haidian");
    }
}
