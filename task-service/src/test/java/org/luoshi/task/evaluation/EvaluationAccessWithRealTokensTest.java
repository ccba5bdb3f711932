package org.luoshi.task.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The evaluation access rules with tokens issued by the real Keycloak: the organisation and departments come from the
 * realm's user attributes and groups, not from a test annotation.
 */
@QuarkusTest
class EvaluationAccessWithRealTokensTest {
    @Inject
    EvaluationFixtures fixtures;

    @Test
    void theEvaluatorOfTheOrganisationWorksOnItAndTheOtherOrganisationsEvaluatorIsToldItDoesNotExist() {
        long planId = fixtures.plan().planId();
        String service = KeycloakTokens.serviceAccountToken();
        int id = given().auth().oauth2(service).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(EvaluationLaunchTest.body(planId))
                .when().post("/api/evaluations").then().statusCode(201).extract().path("id");

        String zhaoMin = KeycloakTokens.accessToken(DemoUsers.EVALUATOR);
        String qianHui = KeycloakTokens.accessToken(DemoUsers.EVALUATOR_OTHER_ORG);
        given().auth().oauth2(zhaoMin).when().get("/api/evaluations/" + id).then().statusCode(200)
                .body("organisation", equalTo("kjpg"));
        given().auth().oauth2(zhaoMin).contentType(ContentType.JSON)
                .body("[{\"subjectKind\":\"CHAPTER\",\"subjectRef\":\"三\",\"criterion\":\"completion\",\"score\":8}]")
                .when().put("/api/evaluations/" + id + "/scores").then().statusCode(200);

        given().auth().oauth2(qianHui).when().get("/api/evaluations/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(qianHui).contentType(ContentType.JSON).body("[]")
                .when().put("/api/evaluations/" + id + "/scores").then().statusCode(404);
        given().auth().oauth2(qianHui).when().get("/api/evaluations/" + id + "/snapshot").then().statusCode(404);
    }

    @Test
    void staffSeeTheEvaluationTheirDepartmentIsInAndOnlyTheirOwnSelfAssessment() {
        long planId = fixtures.plan().planId();
        String service = KeycloakTokens.serviceAccountToken();
        int id = given().auth().oauth2(service).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(EvaluationLaunchTest.body(planId))
                .when().post("/api/evaluations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(service).contentType(ContentType.JSON)
                .body("{\"summary\":\"海淀区自评\",\"submittedBy\":\"li.na\"}")
                .when().put("/api/evaluations/" + id + "/self-assessments/haidian").then().statusCode(200);

        String liNa = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        given().auth().oauth2(liNa).when().get("/api/evaluations/" + id).then().statusCode(200);
        given().auth().oauth2(liNa).when().get("/api/evaluations/" + id + "/self-assessments").then().statusCode(200)
                .body("departmentCode", contains("haidian")).body("status", contains("SUBMITTED"));
        given().auth().oauth2(liNa).when().get("/api/evaluations/" + id + "/snapshot").then().statusCode(403);

        String zhangWei = KeycloakTokens.accessToken(DemoUsers.STAFF_STC);
        given().auth().oauth2(zhangWei).when().get("/api/evaluations/" + id).then().statusCode(404);
    }

    @Test
    void aPersonsTokenCannotLaunchAnEvaluation() {
        long planId = fixtures.plan().planId();
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.SUPERVISOR)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(EvaluationLaunchTest.body(planId))
                .when().post("/api/evaluations").then().statusCode(403);
    }
}
