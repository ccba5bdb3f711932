package org.luoshi.task.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/**
 * Who sees what of an evaluation: the supervising office everything; an evaluator only their organisation's
 * evaluations (anything else does not exist for them); staff the evaluations their department is in scope of and only
 * their own department's self-assessment.
 */
@QuarkusTest
class EvaluationAccessTest {
    @Inject
    EvaluationFixtures fixtures;

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void theSupervisingOfficeSeesEveryEvaluationItsSnapshotAndEverySelfAssessment() {
        long kjpg = fixtures.launchedEvaluation("kjpg");
        long zlyj = fixtures.launchedEvaluation("zlyj");
        given().when().get("/api/evaluations").then().statusCode(200)
                .body("id", hasItem((int) kjpg)).body("id", hasItem((int) zlyj));
        given().when().get("/api/evaluations/" + zlyj).then().statusCode(200).header("ETag", equalTo("W/\"0\""));
        given().when().get("/api/evaluations/" + zlyj + "/snapshot").then().statusCode(200);
        given().when().get("/api/evaluations/" + zlyj + "/self-assessments").then().statusCode(200)
                .body("departmentCode", contains("chaoyang", "drc", "haidian"));
        given().when().get("/api/evaluations/" + zlyj + "/reports").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "zhao.min", roles = "evaluator")
    @OidcSecurity(claims = @Claim(key = "organisation", value = "kjpg"))
    void anEvaluatorSeesTheirOrganisationsEvaluationsAndNoOther() {
        long own = fixtures.launchedEvaluation("kjpg");
        long other = fixtures.launchedEvaluation("zlyj");
        given().when().get("/api/evaluations").then().statusCode(200)
                .body("id", hasItem((int) own)).body("id", not(hasItem((int) other)))
                .body("organisation", org.hamcrest.Matchers.everyItem(equalTo("kjpg")));
        given().when().get("/api/evaluations/" + own).then().statusCode(200);
        given().when().get("/api/evaluations/" + own + "/snapshot").then().statusCode(200);
        given().when().get("/api/evaluations/" + own + "/self-assessments").then().statusCode(200)
                .body("departmentCode", contains("chaoyang", "drc", "haidian"));

        for (String path : new String[] { "", "/snapshot", "/self-assessments", "/scores", "/reports", "/reports/pdf" }) {
            given().when().get("/api/evaluations/" + other + path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("[]").when().put("/api/evaluations/" + other + "/scores")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"findings\":\"x\"}").when().put("/api/evaluations/" + other + "/findings")
                .then().statusCode(404);
        given().when().post("/api/evaluations/" + other + "/reports").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "nobody", roles = "evaluator")
    void anEvaluatorWithoutAnOrganisationSeesNoEvaluation() {
        long id = fixtures.launchedEvaluation("kjpg");
        given().when().get("/api/evaluations/" + id).then().statusCode(404);
        given().when().get("/api/evaluations").then().statusCode(200).body("id", not(hasItem((int) id)));
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"haidian\"]", type = ClaimType.JSON_ARRAY))
    void staffOfADepartmentInScopeSeeTheEvaluationAndOnlyTheirOwnSelfAssessment() {
        long id = fixtures.launchedEvaluation("kjpg");
        given().when().get("/api/evaluations").then().statusCode(200).body("id", hasItem((int) id));
        given().when().get("/api/evaluations/" + id).then().statusCode(200).body("departments", hasItem("haidian"));
        given().when().get("/api/evaluations/" + id + "/self-assessments").then().statusCode(200)
                .body("departmentCode", contains("haidian"));
        // the evidence base is the evaluators' and the supervising office's
        given().when().get("/api/evaluations/" + id + "/snapshot").then().statusCode(403);
        given().when().get("/api/evaluations/" + id + "/reports").then().statusCode(403);
        // and staff act through the workflow inbox, not here
        given().contentType(ContentType.JSON).body("{\"summary\":\"自评\",\"submittedBy\":\"li.na\"}")
                .when().put("/api/evaluations/" + id + "/self-assessments/haidian").then().statusCode(403);
        given().contentType(ContentType.JSON).body("[]").when().put("/api/evaluations/" + id + "/scores").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "zhou.qiang", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"eit\"]", type = ClaimType.JSON_ARRAY))
    void staffOfADepartmentOutOfScopeAreToldTheEvaluationDoesNotExist() {
        long id = fixtures.launchedEvaluation("kjpg");
        given().when().get("/api/evaluations").then().statusCode(200).body("id", not(hasItem((int) id)));
        given().when().get("/api/evaluations/" + id).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/evaluations/" + id + "/self-assessments").then().statusCode(404);
        given().when().get("/api/evaluations/" + id + "/scores").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void badIdsAnswerNotFoundOrANamedField() {
        given().when().get("/api/evaluations/999999999").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/evaluations/abc").then().statusCode(400).body("errors[0].field", equalTo("id"));
        long id = fixtures.launchedEvaluation("kjpg");
        given().when().get("/api/evaluations/" + id + "/reports/exe").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        given().when().get("/api/evaluations/" + id + "/reports/pdf").then().statusCode(404);
    }

    @Test
    void withoutATokenNothingIsReadable() {
        given().when().get("/api/evaluations").then().statusCode(401).contentType("application/problem+json");
    }
}
