package org.luoshi.task.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.evaluation.EvaluationFixtures;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An audit entry is visible exactly when the entity it describes is visible to the reader, on every path. */
@QuarkusTest
class AuditVisibilityTest {
    @Inject
    EvaluationFixtures evaluations;

    @Test
    void anEvaluatorReadsTheHistoryOfTheirOrganisationsEvaluationButNotOfAnothers() {
        long own = launch(evaluations.plan().planId(), "kjpg");
        long others = launch(evaluations.plan().planId(), "zlyj");
        String evaluator = KeycloakTokens.accessToken(DemoUsers.EVALUATOR);

        given().auth().oauth2(evaluator).queryParam("entityType", "evaluation").queryParam("entityId", others)
                .when().get("/api/audit").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(evaluator).queryParam("entityType", "evaluation").queryParam("size", 200)
                .when().get("/api/audit").then().statusCode(200)
                .body("items.entityId", not(hasItem(String.valueOf(others))))
                .body("items.entityId", hasItem(String.valueOf(own)));
        // by id alone: entities of other types may share the number (a disclosure snapshot 17 and evaluation 17), but
        // the other organisation's evaluation stays out
        given().auth().oauth2(evaluator).queryParam("entityId", others).queryParam("size", 200).when().get("/api/audit")
                .then().statusCode(200).body("items.entityType", not(hasItem("evaluation")));
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.SUPERVISOR)).queryParam("entityType", "evaluation")
                .queryParam("entityId", others).when().get("/api/audit")
                .then().statusCode(200).body("total", greaterThanOrEqualTo(1));
    }

    @Test
    void theHistoryOfADraftPlanAndItsTasksIsHiddenFromEvaluatorsUntilItIsConfirmed() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long draft = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body("{\"title\":\"草稿规划 " + UUID.randomUUID() + "\",\"issuingBodies\":[\"北京市人民政府\"],"
                        + "\"periodStart\":2021,\"periodEnd\":2025}")
                .when().post("/api/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        long task = given().auth().oauth2(supervisor).contentType(ContentType.JSON).body("{\"title\":\"草稿任务\"}")
                .when().post("/api/plans/" + draft + "/tasks").then().statusCode(201).extract().jsonPath().getLong("id");
        String evaluator = KeycloakTokens.accessToken(DemoUsers.EVALUATOR);

        given().auth().oauth2(evaluator).queryParam("entityType", "plan").queryParam("entityId", draft)
                .when().get("/api/audit").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(evaluator).queryParam("entityType", "task").queryParam("entityId", task)
                .when().get("/api/audit").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(evaluator).queryParam("size", 200).when().get("/api/audit").then().statusCode(200)
                .body("items.findAll { it.entityType == 'plan' }.entityId", not(hasItem(String.valueOf(draft))));
        given().auth().oauth2(supervisor).queryParam("entityType", "plan").queryParam("entityId", draft)
                .when().get("/api/audit").then().statusCode(200).body("total", equalTo(1));

        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body("{\"status\":\"IN_FORCE\"}")
                .when().put("/api/plans/" + draft + "/status").then().statusCode(200);
        given().auth().oauth2(evaluator).queryParam("entityType", "task").queryParam("entityId", task)
                .when().get("/api/audit").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void verifyingStartsFromTheLastCheckpointAndAFullCheckStillRehashesTheWholeChain() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long lastSeq = given().auth().oauth2(supervisor).when().get("/api/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true)).extract().jsonPath().getLong("lastSeq");
        given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body("{\"title\":\"检查点 " + UUID.randomUUID() + "\",\"issuingBodies\":[\"北京市人民政府\"],"
                        + "\"periodStart\":2021,\"periodEnd\":2025}")
                .when().post("/api/plans").then().statusCode(201);

        given().auth().oauth2(supervisor).when().get("/api/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true))
                .body("fromSeq", equalTo((int) lastSeq))
                .body("entries", lessThanOrEqualTo(3))
                .body("lastSeq", greaterThan((int) lastSeq));
        given().auth().oauth2(supervisor).queryParam("full", true).when().get("/api/audit/verify")
                .then().statusCode(200).body("valid", equalTo(true))
                .body("fromSeq", equalTo(0))
                .body("entries", greaterThan((int) lastSeq));
    }

    private static long launch(long planId, String organisation) {
        return given().auth().oauth2(KeycloakTokens.serviceAccountToken()).contentType(ContentType.JSON)
                .header("Idempotency-Key", "audit-visibility-" + UUID.randomUUID())
                .body("{\"planId\":" + planId + ",\"kind\":\"MID_TERM\",\"periodFrom\":\"2021-01-01\","
                        + "\"periodTo\":\"2023-06-30\",\"organisation\":\"" + organisation + "\",\"selfAssessmentDue\":\""
                        + LocalDate.now().plusDays(30) + "\",\"launchedBy\":\"chen.jing\"}")
                .when().post("/api/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");
    }
}
