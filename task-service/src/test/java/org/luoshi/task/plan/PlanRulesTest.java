package org.luoshi.task.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.luoshi.task.TestData;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** Plan rules, with identities set by @TestSecurity: fast, and independent of Keycloak. */
@QuarkusTest
class PlanRulesTest {

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aPlanWithoutTitleAndWithAMistypedYearNamesBothFields() {
        given().contentType(ContentType.JSON)
                .body("{\"issuingBodies\":[\"北京市人民政府\"],\"periodStart\":1800,\"periodEnd\":2025}")
                .when().post("/api/plans")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("title", "periodStart"))
                .body("errors.find { it.field == 'title' }.code", equalTo("required"))
                .body("errors.find { it.field == 'periodStart' }.code", equalTo("min"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aPeriodThatEndsBeforeItStartsIsRefusedOnPeriodEnd() {
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"规划\",\"issuingBodies\":[\"北京市人民政府\"],\"periodStart\":2025,\"periodEnd\":2021}")
                .when().post("/api/plans")
                .then().statusCode(400).body("errors[0].field", equalTo("periodEnd"))
                .body("errors[0].code", equalTo("notBefore"))
                .body("errors[0].params.other", equalTo("periodStart"))
                .body("errors[0].params.value", equalTo(2025));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aBodyThatIsNotJsonIsABadRequestNotAServerError() {
        given().contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/plans")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aYearGivenAsTextNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"规划\",\"issuingBodies\":[\"北京市人民政府\"],\"periodStart\":\"二〇二一\",\"periodEnd\":2025}")
                .when().post("/api/plans")
                .then().statusCode(400).body("errors[0].field", equalTo("periodStart"))
                .body("errors[0].code", equalTo("number"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aPlanGoesFromDraftToInForceToClosedAndNeverBack() {
        long id = TestData.draftPlan(null);
        move(id, "IN_FORCE").then().statusCode(200).body("status", equalTo("IN_FORCE"));
        move(id, "DRAFT").then().statusCode(409).contentType("application/problem+json");
        move(id, "CLOSED").then().statusCode(200).body("status", equalTo("CLOSED"));
        move(id, "IN_FORCE").then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aRefusedTransitionNamesTheBrokenRuleByItsStableCode() {
        long id = TestData.draftPlan(null);
        move(id, "IN_FORCE").then().statusCode(200);
        move(id, "DRAFT").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://luoshi.org/problems/conflict"))
                .body("code", equalTo("plan.status-order"));
        String etag = given().when().get("/api/plans/" + id).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", etag).when().post("/api/plans/" + id + "/confirmation")
                .then().statusCode(409).body("code", equalTo("plan.not-draft"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aTaskLedByAnUnknownDepartmentIsRefusedOnThatField() {
        long id = TestData.draftPlan(null);
        given().contentType(ContentType.JSON).body("{\"title\":\"任务\",\"leadDepartmentCode\":\"atlantis\"}")
                .when().post("/api/plans/" + id + "/tasks")
                .then().statusCode(400).body("errors[0].field", equalTo("leadDepartmentCode"));
    }

    private static io.restassured.response.Response move(long id, String status) {
        return given().contentType(ContentType.JSON).body("{\"status\":\"" + status + "\"}")
                .when().put("/api/plans/" + id + "/status");
    }
}
