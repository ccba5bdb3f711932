package org.luoshi.task.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * What the launch of an evaluation would refuse, workflow-service can learn before it starts the process:
 * {@code POST /api/evaluations/validation} answers 204 or the launch's own 400 naming the field, and launches nothing.
 */
@QuarkusTest
class EvaluationLaunchValidationTest {
    @Inject
    EvaluationFixtures fixtures;

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void aLaunchOnADraftPlanIsRefusedBeforeTheProcessStartsNamingThePlan() {
        long draft = fixtures.draftPlan();
        given().contentType(ContentType.JSON).body(EvaluationLaunchTest.body(draft))
                .when().post("/api/evaluations/validation")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("planId"));
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void aSelfAssessmentDeadlineInThePastIsRefusedBeforeTheProcessStartsNamingTheDeadline() {
        long planId = fixtures.plan().planId();
        given().contentType(ContentType.JSON)
                .body(EvaluationLaunchTest.body(planId, "MID_TERM", "2021-01-01", "2023-06-30", "kjpg",
                        LocalDate.now().minusDays(3).toString()))
                .when().post("/api/evaluations/validation")
                .then().statusCode(400).body("errors[0].field", equalTo("selfAssessmentDue"));
    }

    @Test
    @TestSecurity(user = "workflow", roles = "service")
    void aLaunchThatWouldBeAcceptedIsAnsweredWithNoContentAndLaunchesNothing() {
        long planId = fixtures.plan().planId();
        given().contentType(ContentType.JSON).body(EvaluationLaunchTest.body(planId))
                .when().post("/api/evaluations/validation").then().statusCode(204);
        given().queryParam("planId", planId).when().get("/api/evaluations").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
