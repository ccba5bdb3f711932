package org.luoshi.task.evaluation;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.luoshi.task.evaluation.application.EvaluationReportService;
import org.luoshi.task.plan.importing.PlanImportTest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

/**
 * A measurement, not a test (surefire does not pick it up by name and nothing is asserted): launching an evaluation of
 * the Beijing plan with demo activity, and generating its report three times. Run it with
 * {@code ./mvnw -o -pl task-service test -Dtest=EvaluationTiming -Dsurefire.failIfNoSpecifiedTests=false} and read the
 * MEASURE lines.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationTiming {
    static long planId;
    static long evaluationId;

    @Inject
    EvaluationFixtures fixtures;

    @Inject
    EvaluationReportService reports;

    @Test
    @Order(1)
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void importPlan() {
        byte[] document = (new String(PlanImportTest.samplePlan(), StandardCharsets.UTF_8) + "\n<!-- timing " + System.nanoTime() + " -->")
                .getBytes(StandardCharsets.UTF_8);
        planId = given().contentType("text/html").body(document).when().post("/api/plan-imports").then()
                .extract().jsonPath().getLong("plan.id");
        String etag = given().when().get("/api/plans/" + planId).then().extract().header("ETag");
        given().header("If-Match", etag).when().post("/api/plans/" + planId + "/confirmation").then().statusCode(200);
        given().when().post("/api/demo/plans/" + planId + "/activity").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            evaluationId = fixtures.launch(planId, "kjpg");
            System.out.printf("MEASURE launch %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        }
        System.out.printf("MEASURE snapshot %d bytes%n", fixtures.evaluation(evaluationId).snapshot.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    @Order(2)
    @TestSecurity(user = "zhao.min", roles = "evaluator")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "kjpg"))
    void generate() {
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            var made = reports.generate(evaluationId);
            System.out.printf("MEASURE generate %d ms docx %d pdf %d %s%n", (System.nanoTime() - t0) / 1_000_000, made.get(0).size(),
                    made.get(1).size(), made.get(1).sha256());
        }
    }
}
