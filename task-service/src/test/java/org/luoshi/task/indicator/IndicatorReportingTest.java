package org.luoshi.task.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.indicator.persistence.IndicatorRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

/** Yearly values of an indicator, who may report them, and the assessment they lead to. */
@QuarkusTest
class IndicatorReportingTest {
    @Inject
    Fixtures fixtures;

    @Inject
    IndicatorRepository indicators;

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aRevisedValueStandsBesideThePreliminaryOneAndTheAssessmentUsesIt() {
        long id = indicator("stats");
        report(id, 2021, "5.9", "PRELIMINARY").then().statusCode(200);
        report(id, 2021, "6.1", "REVISED").then().statusCode(200)
                .body("values.size()", equalTo(2))
                .body("assessment.latestYear", equalTo(2021))
                .body("assessment.latestValue", equalTo(6.1f))
                .body("assessment.latestRevision", equalTo("REVISED"))
                .body("assessment.outlook", notNullValue());
        report(id, 2021, "6.2", "REVISED").then().statusCode(200)
                .body("values.size()", equalTo(2)).body("assessment.latestValue", equalTo(6.2f));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void aValueWithoutASourceIsRefusedNamingTheField() {
        long id = indicator("stats");
        given().contentType(ContentType.JSON).body("{\"year\":2022,\"value\":6.0,\"revision\":\"PRELIMINARY\"}")
                .when().post("/api/indicators/" + id + "/values")
                .then().statusCode(400).body("errors[0].field", equalTo("source"));
        given().contentType(ContentType.JSON).body("{\"year\":2022,\"value\":6.0,\"revision\":\"FINAL\",\"source\":\"统计公报\"}")
                .when().post("/api/indicators/" + id + "/values")
                .then().statusCode(400).body("errors[0].field", equalTo("revision"))
                .body("errors[0].message", equalTo("must be one of PRELIMINARY, REVISED"));
    }

    @Test
    @TestSecurity(user = "wang.fang", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"stats\"]", type = ClaimType.JSON_ARRAY))
    void staffOfTheResponsibleDepartmentReportItsValues() {
        long id = indicator("stats");
        report(id, 2022, "6.3", "PRELIMINARY").then().statusCode(200).body("values[0].reportedBy", equalTo("wang.fang"));
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"haidian\"]", type = ClaimType.JSON_ARRAY))
    void staffOfAnotherDepartmentMayNotReport() {
        long id = indicator("stats");
        report(id, 2022, "6.3", "PRELIMINARY").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void theSupervisorCompletesADefinitionWithTheVersionLastRead() {
        long id = indicator(null);
        String body = "{\"name\":\"技术合同成交额\",\"unit\":\"亿元\",\"kind\":\"EXPECTED\",\"baselineYear\":2020,"
                + "\"baselineValue\":6316.2,\"targetYear\":2025,\"targetValue\":8000,\"comparison\":\"MORE_THAN\","
                + "\"responsibleDepartmentCode\":\"stc-zgc\"}";
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(body)
                .when().put("/api/indicators/" + id).then().statusCode(200)
                .body("baselineYear", equalTo(2020)).body("responsibleDepartmentCode", equalTo("stc-zgc"));
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body(body)
                .when().put("/api/indicators/" + id).then().statusCode(412);
        given().contentType(ContentType.JSON).header("If-Match", "W/\"1\"").body(body.replace("\"baselineValue\":6316.2,", ""))
                .when().put("/api/indicators/" + id).then().statusCode(400).body("errors[0].field", equalTo("baselineValue"));
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void theSupervisorSetsWhichWayAnAboutTargetIsReadAndTheAssessmentFollows() {
        long id = indicator(null);
        report(id, 2021, "6.53", "REVISED").then().statusCode(200);
        report(id, 2022, "6.83", "REVISED").then().statusCode(200)
                .body("direction", equalTo("DOWN")) // no wording to go by: from the baseline 6.44 down to about 6
                .body("assessment.direction", equalTo("DOWN"))
                .body("assessment.outlook", equalTo("UNLIKELY"));
        String body = "{\"name\":\"全社会研发经费支出占地区生产总值比重\",\"unit\":\"%\",\"kind\":\"EXPECTED\","
                + "\"baselineYear\":2020,\"baselineValue\":6.44,\"targetYear\":2025,\"targetValue\":6,"
                + "\"comparison\":\"ABOUT\",\"direction\":\"UP\"}";
        given().contentType(ContentType.JSON).header("If-Match", "W/\"2\"").body(body)
                .when().put("/api/indicators/" + id).then().statusCode(200)
                .body("direction", equalTo("UP"))
                .body("assessment.direction", equalTo("UP"))
                .body("assessment.latestMeetsTarget", equalTo(true))
                .body("assessment.progressToTarget", nullValue())
                .body("assessment.outlook", equalTo("ON_TRACK"));
        given().when().get("/api/indicators/" + id).then().statusCode(200).body("direction", equalTo("UP"));

        given().contentType(ContentType.JSON).header("If-Match", "W/\"3\"")
                .body(body.replace("\"ABOUT\"", "\"MORE_THAN\"").replace("\"UP\"", "\"DOWN\""))
                .when().put("/api/indicators/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("direction"));
        given().contentType(ContentType.JSON).header("If-Match", "W/\"3\"")
                .body(body.replace("\"ABOUT\"", "\"AT_MOST\"").replace(",\"direction\":\"UP\"", ""))
                .when().put("/api/indicators/" + id).then().statusCode(200).body("direction", equalTo("DOWN"));
    }

    private long indicator(String responsible) {
        long planId = fixtures.planInForce();
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanIndicator i = new PlanIndicator();
            i.planId = planId;
            i.ordinal = 1;
            i.name = "全社会研发经费支出占地区生产总值比重";
            i.unit = "%";
            i.kind = IndicatorKind.EXPECTED;
            i.baselineYear = 2020;
            i.baselineValue = new BigDecimal("6.44");
            i.targetYear = 2025;
            i.targetValue = new BigDecimal("6");
            i.comparison = TargetComparison.ABOUT;
            i.responsibleDepartmentCode = responsible;
            indicators.persist(i);
            return i.id;
        });
    }

    private static io.restassured.response.Response report(long id, int year, String value, String revision) {
        return given().contentType(ContentType.JSON)
                .body("{\"year\":" + year + ",\"value\":" + value + ",\"revision\":\"" + revision + "\",\"source\":\"北京市统计公报\"}")
                .when().post("/api/indicators/" + id + "/values");
    }
}
