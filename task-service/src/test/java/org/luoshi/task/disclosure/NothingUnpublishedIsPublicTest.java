package org.luoshi.task.disclosure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** /api/public/** answers without a token, and only with what was published; everything else needs a token. */
@QuarkusTest
class NothingUnpublishedIsPublicTest {
    @Inject
    DisclosureFixtures disclosureFixtures;

    @Inject
    Fixtures fixtures;

    @Test
    void everyOperationOutsideThePublicPathsAnswers401WithoutAToken() throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(
                given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().asString());
        List<String> checked = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = openapi.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+\\}", "1");
            Iterator<String> methods = path.getValue().fieldNames();
            while (methods.hasNext()) {
                String method = methods.next();
                if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                    continue;
                }
                // the body each operation takes, so that the answer is about the token and not about the media type
                JsonNode content = path.getValue().get(method).path("requestBody").path("content");
                var request = given();
                if (content.has("multipart/form-data")) {
                    request = request.multiPart("file", "x.txt", "x".getBytes(StandardCharsets.UTF_8));
                } else if (content.fieldNames().hasNext()) {
                    String type = content.fieldNames().next();
                    request = request.contentType(type).body((type.contains("json") ? "{}" : "x").getBytes(StandardCharsets.UTF_8));
                }
                Response response = request.when().request(method.toUpperCase(), concrete);
                if (path.getKey().startsWith("/api/public/")) {
                    assertThat(response.statusCode()).as(method + " " + concrete).isNotIn(401, 403, 500);
                } else {
                    assertThat(response.statusCode()).as(method + " " + concrete).isEqualTo(401);
                    checked.add(method + " " + concrete);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(30).contains("post /api/plans/1/disclosures", "put /api/plans/1/disclosure-schedule",
                "get /api/plans/1/disclosure-schedule");
    }

    @Test
    void aPlanNeverPublishedIsNotFoundEvenWhenItIsInForce() {
        long planId = disclosureFixtures.plan(PlanStatus.IN_FORCE).planId();
        problem(given().when().get("/api/public/plans/" + planId + "/snapshots"), 404);
        problem(given().queryParam("planId", planId).when().get("/api/public/snapshots/latest"), 404);
        problem(given().when().get("/api/public/open-data/plans/" + planId + "/latest/indicators.csv"), 404);
        List<Long> listed = given().when().get("/api/public/plans").then().statusCode(200).extract().jsonPath().getList("planId", Long.class);
        assertThat(listed).doesNotContain(planId);
    }

    @Test
    void aDraftPlanIsNotListed() {
        long planId = disclosureFixtures.plan(PlanStatus.DRAFT).planId();
        problem(given().when().get("/api/public/plans/" + planId + "/snapshots"), 404);
        assertThat(given().when().get("/api/public/plans").then().extract().jsonPath().getList("planId", Long.class))
                .doesNotContain(planId);
    }

    @Test
    void internalFilesAreNotReachableAsPublishedDocuments() {
        long planId = fixtures.planInForce();
        long taskId = fixtures.assignedTask(planId, "haidian");
        long milestoneId = fixtures.milestone(taskId, "节点", java.time.LocalDate.of(2026, 6, 30));
        // evidence of a task and the file of an evaluation that was never published exist, but are nobody's public documents
        long evidenceId = fixtures.evidence(milestoneId, "内部佐证.pdf", "%PDF internal".getBytes(StandardCharsets.UTF_8));
        disclosureFixtures.fireEvaluationPublished(DisclosureFixtures.event(planId, System.nanoTime() % 1_000_000_000L,
                List.of(DisclosureFixtures.file("未公开评估报告.pdf", "application/pdf", "%PDF unpublished".getBytes(StandardCharsets.UTF_8)))),
                true);
        for (long id = Math.max(1, evidenceId - 5); id <= evidenceId + 5; id++) {
            Response response = given().when().get("/api/public/documents/" + id);
            assertThat(response.asString()).doesNotContain("internal", "unpublished");
        }
        problem(given().when().get("/api/public/documents/" + (evidenceId + 1_000_000)), 404);
    }

    @Test
    void pathTricksAnswerAProblemAndNeverAnythingElse() {
        problem(given().when().get("/api/public/snapshots/abc"), 400).body("errors[0].field", equalTo("id"));
        problem(given().when().get("/api/public/snapshots/-1"), 400);
        problem(given().when().get("/api/public/snapshots/0"), 400);
        problem(given().when().get("/api/public/snapshots/99999999999999999999999"), 400);
        problem(given().when().get("/api/public/snapshots/9223372036854775807"), 400);
        problem(given().when().get("/api/public/snapshots/999999999999999999"), 404);
        problem(given().when().get("/api/public/documents/1e3"), 400);
        problem(given().when().get("/api/public/plans/1.5/snapshots"), 400);
        problem(given().queryParam("planId", "x").when().get("/api/public/snapshots/latest"), 400)
                .body("errors[0].field", equalTo("planId"));
        problem(given().when().get("/api/public/snapshots/latest"), 400).body("errors[0].field", equalTo("planId"));
        problem(given().when().get("/api/public/open-data/snapshots/999999999999999999/tasks.csv"), 404);
        problem(given().when().get("/api/public/open-data/snapshots/999999999999999999/../../../etc/passwd"), 404);
        for (String tricky : List.of("/api/public/documents/..%2F..%2Fapi%2Fplans", "/api/public/documents/%2e%2e%2f1",
                "/api/public/snapshots/1%2F..%2F..%2Fplans", "/api/public/..%2Fplans", "/api/public/%2e%2e/plans/1",
                "/api/public/open-data/snapshots/1/..%2F..%2F..%2Fplans",
                "/api/public/documents/%00", "/api/public/snapshots/%20")) {
            Response response = RestAssured.given().urlEncodingEnabled(false).when().get(tricky);
            assertThat(response.statusCode()).as(tricky).isIn(400, 401, 404);
            assertThat(response.contentType()).as(tricky).startsWith("application/problem+json");
        }
    }

    @Test
    void theSupervisorPublishesWithARealTokenAndAnybodyReadsWithout() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long planId = disclosureFixtures.plan(PlanStatus.IN_FORCE).planId();
        given().when().post("/api/plans/" + planId + "/disclosures").then().statusCode(401);
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.EVALUATOR)).when().post("/api/plans/" + planId + "/disclosures")
                .then().statusCode(403);
        long id = given().auth().oauth2(supervisor).when().post("/api/plans/" + planId + "/disclosures")
                .then().statusCode(201).extract().jsonPath().getLong("snapshotId");
        given().when().get("/api/public/snapshots/" + id).then().statusCode(200).body("plan.id", equalTo((int) planId));
        // a public page still loads for somebody whose browser sends a stale token
        given().auth().oauth2("expired-or-garbage").when().get("/api/public/snapshots/" + id).then().statusCode(200);
        given().when().get("/api/public/plans").then().statusCode(200).header("Cache-Control", startsWith("public"))
                .body("find { it.planId == " + planId + " }.latestSnapshotId", is((int) id));
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status) {
        return response.then().statusCode(status).contentType(anyOf(startsWith("application/problem+json")));
    }
}
