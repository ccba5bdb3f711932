package org.luoshi.task.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
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
import io.restassured.http.ContentType;

/** An adjusted indicator keeps the target the plan first set, beside the one in force. */
@QuarkusTest
class IndicatorOriginalTargetTest {
    @Inject
    Fixtures fixtures;

    @Inject
    IndicatorRepository indicators;

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void theFirstChangeOfTheTargetKeepsThePlansOwnAndLaterChangesKeepItToo() {
        long id = indicator();
        given().when().get("/api/indicators/" + id).then().statusCode(200).body("originalTarget", nullValue());

        update(id, 0, "8500", "AT_LEAST").then().statusCode(200)
                .body("targetValue", equalTo(8500)).body("comparison", equalTo("AT_LEAST"))
                .body("originalTarget.value", equalTo(8000.0f)).body("originalTarget.year", equalTo(2025))
                .body("originalTarget.comparison", equalTo("MORE_THAN"));
        update(id, 1, "9000", "AT_LEAST").then().statusCode(200)
                .body("targetValue", equalTo(9000)).body("originalTarget.value", equalTo(8000.0f));
        io.restassured.path.json.JsonPath audit = given().queryParam("entityType", "indicator")
                .queryParam("entityId", String.valueOf(id)).when().get("/api/audit").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(audit.getDouble("items[0].before.targetValue")).isEqualTo(8500.0);
        org.assertj.core.api.Assertions.assertThat(audit.getDouble("items[0].after.targetValue")).isEqualTo(9000.0);
        org.assertj.core.api.Assertions.assertThat(audit.getDouble("items[0].after.originalTarget.value")).isEqualTo(8000.0);
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void changingOtherFieldsIsNoAdjustmentAndChangingBackUndoesIt() {
        long id = indicator();
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"")
                .body(body("8000.000", "MORE_THAN").replace("\"unit\":\"亿元\"", "\"unit\":\"亿元人民币\""))
                .when().put("/api/indicators/" + id).then().statusCode(200).body("originalTarget", nullValue());
        update(id, 1, "8500", "MORE_THAN").then().statusCode(200).body("originalTarget.value", equalTo(8000.0f));
        update(id, 2, "8000", "MORE_THAN").then().statusCode(200).body("originalTarget", nullValue());
    }

    private static io.restassured.response.Response update(long id, int version, String target, String comparison) {
        return given().contentType(ContentType.JSON).header("If-Match", "W/\"" + version + "\"").body(body(target, comparison))
                .when().put("/api/indicators/" + id);
    }

    private static String body(String target, String comparison) {
        return "{\"name\":\"技术合同成交额\",\"unit\":\"亿元\",\"kind\":\"EXPECTED\",\"baselineYear\":2020,"
                + "\"baselineValue\":6316.2,\"targetYear\":2025,\"targetValue\":" + target + ",\"comparison\":\"" + comparison + "\","
                + "\"responsibleDepartmentCode\":\"stc-zgc\"}";
    }

    private long indicator() {
        long planId = fixtures.planInForce();
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanIndicator i = new PlanIndicator();
            i.planId = planId;
            i.ordinal = 1;
            i.name = "技术合同成交额";
            i.unit = "亿元";
            i.kind = IndicatorKind.EXPECTED;
            i.baselineYear = 2020;
            i.baselineValue = new BigDecimal("6316.2");
            i.targetYear = 2025;
            i.targetValue = new BigDecimal("8000");
            i.comparison = TargetComparison.MORE_THAN;
            i.responsibleDepartmentCode = "stc-zgc";
            indicators.persist(i);
            return i.id;
        });
    }
}
