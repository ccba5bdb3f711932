package org.luoshi.task.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.evaluation.domain.EvaluationStatus;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The evaluator's scores against the rubric, and the findings: checked, kept, only while the evaluation is editable. */
@QuarkusTest
@TestSecurity(user = "zhao.min", roles = "evaluator")
@OidcSecurity(claims = @Claim(key = "organisation", value = "kjpg"))
class EvaluationScoringTest {
    @Inject
    EvaluationFixtures fixtures;

    static String score(String kind, String ref, String criterion, String score) {
        return "{\"subjectKind\":\"" + kind + "\",\"subjectRef\":\"" + ref + "\",\"criterion\":\"" + criterion
                + "\",\"score\":" + score + ",\"comment\":\"评语\"}";
    }

    static Response putScores(long id, String... scores) {
        return given().contentType(ContentType.JSON).body("[" + String.join(",", scores) + "]")
                .when().put("/api/evaluations/" + id + "/scores");
    }

    @Test
    void scoresOfTheSnapshotsChaptersAndIndicatorsGiveTheWeightedTotalAndGrade() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        long id = fixtures.launch(plan.planId(), "kjpg");
        String indicator = String.valueOf(plan.indicatorId());
        putScores(id, score("CHAPTER", "三", "completion", "9"), score("CHAPTER", "三", "effect", "8"),
                score("CHAPTER", "三", "organisation", "10"), score("INDICATOR", indicator, "attainment", "7.5"),
                score("INDICATOR", indicator, "data-quality", "10"), score("INDICATOR", indicator, "trend", "6"))
                .then().statusCode(200).body("$", hasSize(6));
        // (0.9×30 + 0.8×20 + 1×10 + 0.75×25 + 1×5 + 0.6×10) / 100 × 100 = 82.75 → 82.8, 良好
        given().when().get("/api/evaluations/" + id).then().statusCode(200)
                .body("totalScore", equalTo(82.8f))
                .body("grade", equalTo("良好"))
                .body("reportsCurrent", equalTo(false));
        given().when().get("/api/evaluations/" + id + "/scores").then().statusCode(200)
                .body("$", hasSize(6)).body("[0].subjectKind", equalTo("CHAPTER"));
        // replacing them replaces them all
        putScores(id, score("CHAPTER", "三", "completion", "5")).then().statusCode(200).body("$", hasSize(1));
        given().when().get("/api/evaluations/" + id).then().body("totalScore", equalTo(50.0f)).body("grade", equalTo("不合格"));
    }

    @Test
    void aScoreAgainstAnUnknownCriterionSubjectOrAboveTheMaximumIsRefusedNamingTheEntry() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        long id = fixtures.launch(plan.planId(), "kjpg");
        String indicator = String.valueOf(plan.indicatorId());
        putScores(id, score("CHAPTER", "三", "completion", "9"), score("CHAPTER", "三", "beauty", "9"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("scores[1].criterion"));
        putScores(id, score("CHAPTER", "三", "attainment", "9"))
                .then().statusCode(400).body("errors[0].field", equalTo("scores[0].criterion"));
        putScores(id, score("CHAPTER", "三", "completion", "10.5"))
                .then().statusCode(400).body("errors[0].field", equalTo("scores[0].score"))
                .body("detail", containsString("maximum of 10"));
        putScores(id, score("CHAPTER", "三", "completion", "-1"))
                .then().statusCode(400).body("errors[0].field", equalTo("scores[0].score"));
        putScores(id, score("CHAPTER", "九十九", "completion", "5"))
                .then().statusCode(400).body("errors[0].field", equalTo("scores[0].subjectRef"));
        putScores(id, score("INDICATOR", "999999999", "trend", "5"))
                .then().statusCode(400).body("errors[0].field", equalTo("scores[0].subjectRef"));
        putScores(id, score("INDICATOR", indicator, "trend", "5"), score("INDICATOR", indicator, "trend", "6"))
                .then().statusCode(400).body("errors[0].field", equalTo("scores[1].criterion"));
        putScores(id, score("CHAPTER", "三", "completion", "\"many\""))
                .then().statusCode(400).contentType("application/problem+json");
        putScores(id, "{\"subjectKind\":\"TASK\",\"subjectRef\":\"三\",\"criterion\":\"completion\",\"score\":1}")
                .then().statusCode(400);
        putScores(id, "{\"subjectKind\":\"CHAPTER\",\"criterion\":\"completion\",\"score\":1}")
                .then().statusCode(400).body("errors[0].field", equalTo("scores[0].subjectRef"));
        given().contentType(ContentType.JSON).body("{\"not\":\"a list\"}").when().put("/api/evaluations/" + id + "/scores")
                .then().statusCode(400);
        // nothing was kept
        given().when().get("/api/evaluations/" + id + "/scores").then().body("$", hasSize(0));
        given().when().get("/api/evaluations/" + id).then().body("totalScore", nullValue()).body("version", equalTo(0));
    }

    @Test
    void scoresAndFindingsChangeOnlyBeforeSubmissionOrAfterAReturn() {
        long id = fixtures.launchedEvaluation("kjpg");
        for (EvaluationStatus locked : new EvaluationStatus[] { EvaluationStatus.IN_REVIEW, EvaluationStatus.APPROVED,
                EvaluationStatus.PUBLISHED }) {
            fixtures.status(id, locked);
            putScores(id, score("CHAPTER", "三", "completion", "9")).then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString(locked.name()));
            given().contentType(ContentType.JSON).body("{\"findings\":\"结论\"}").when().put("/api/evaluations/" + id + "/findings")
                    .then().statusCode(409);
            given().when().post("/api/evaluations/" + id + "/reports").then().statusCode(409);
        }
        fixtures.status(id, EvaluationStatus.RETURNED);
        putScores(id, score("CHAPTER", "三", "completion", "9")).then().statusCode(200);
    }

    @Test
    void findingsAreKeptAndAStaleVersionIsRefused() {
        long id = fixtures.launchedEvaluation("kjpg");
        given().contentType(ContentType.JSON)
                .body("{\"findings\":\"  总体进展良好。  \",\"recommendations\":\"加快指标进度。\"}")
                .when().put("/api/evaluations/" + id + "/findings")
                .then().statusCode(200)
                .header("ETag", equalTo("W/\"1\""))
                .body("findings", equalTo("总体进展良好。"))
                .body("recommendations", equalTo("加快指标进度。"));
        given().header("If-Match", "W/\"0\"").contentType(ContentType.JSON).body("{\"findings\":\"另一结论\"}")
                .when().put("/api/evaluations/" + id + "/findings")
                .then().statusCode(412).contentType("application/problem+json");
        given().header("If-Match", "W/\"1\"").contentType(ContentType.JSON).body("{\"findings\":\"另一结论\"}")
                .when().put("/api/evaluations/" + id + "/findings")
                .then().statusCode(200).body("findings", equalTo("另一结论")).body("recommendations", nullValue());
        given().contentType(ContentType.JSON).body("{\"findings\": [1,2]}").when().put("/api/evaluations/" + id + "/findings")
                .then().statusCode(400).body("errors[0].field", equalTo("findings"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void theSupervisingOfficeDoesNotScore() {
        long id = fixtures.launchedEvaluation("kjpg");
        putScores(id, score("CHAPTER", "三", "completion", "9")).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"findings\":\"x\"}").when().put("/api/evaluations/" + id + "/findings")
                .then().statusCode(403);
        given().when().post("/api/evaluations/" + id + "/reports").then().statusCode(403);
    }
}
