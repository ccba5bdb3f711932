package org.luoshi.task.succession;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.task.evaluation.EvaluationFixtures;
import org.luoshi.task.indicator.domain.IndicatorKind;
import org.luoshi.task.indicator.domain.PlanIndicator;
import org.luoshi.task.indicator.domain.TargetComparison;
import org.luoshi.task.indicator.persistence.IndicatorRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** An old plan (EvaluationFixtures' plan, 2021–2025) and a new 2026–2030 plan with an indicator of the same name. */
@ApplicationScoped
public class SuccessionFixtures {
    @Inject
    EvaluationFixtures evaluations;

    @Inject
    IndicatorRepository indicators;

    /**
     * @param newIndicatorId   continues the old plan's indicator of the same name, which has values
     * @param newWithoutValues continues by name an old indicator that has no value yet
     */
    public record Plans(EvaluationFixtures.PlanData old, long newPlanId, long newIndicatorId, long oldWithoutValues,
            long newWithoutValues) {
    }

    /** Both plans, not linked; the caller must be the supervising office (the new plan is created through the API). */
    public Plans plans() {
        EvaluationFixtures.PlanData old = evaluations.plan();
        long newPlanId = given().contentType(ContentType.JSON)
                .body("{\"title\":\"接续规划 " + System.nanoTime() + "\",\"issuingBodies\":[\"北京市人民政府\"],"
                        + "\"periodStart\":2026,\"periodEnd\":2030}")
                .when().post("/api/plans").then().statusCode(201).extract().jsonPath().getLong("id");
        long indicatorId = indicator(newPlanId, 1, "全社会研究与试验发展经费支出", 2030);
        long oldWithoutValues = indicator(old.planId(), 2, "技术合同成交额", 2025);
        long newWithoutValues = indicator(newPlanId, 2, "技术合同成交额", 2030);
        return new Plans(old, newPlanId, indicatorId, oldWithoutValues, newWithoutValues);
    }

    private long indicator(long planId, int ordinal, String name, int targetYear) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanIndicator i = new PlanIndicator();
            i.planId = planId;
            i.ordinal = ordinal;
            i.name = name;
            i.unit = "亿元";
            i.kind = IndicatorKind.EXPECTED;
            i.targetYear = targetYear;
            i.targetValue = new BigDecimal("300");
            i.comparison = TargetComparison.AT_LEAST;
            indicators.persist(i);
            return i.id;
        });
    }

    public static Response link(long planId, long predecessorId) {
        String etag = given().when().get("/api/plans/" + planId).then().statusCode(200).extract().header("ETag");
        return given().contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"predecessorId\":" + predecessorId + "}").when().put("/api/plans/" + planId + "/predecessor");
    }

    public static Response carryOver(long planId, String items) {
        return given().contentType(ContentType.JSON).body("{\"items\":[" + items + "]}")
                .when().post("/api/plans/" + planId + "/carry-over");
    }

    public static String carry(long taskId) {
        return "{\"taskId\":" + taskId + ",\"action\":\"CARRY\"}";
    }

    public static String close(long taskId, String reason) {
        return "{\"taskId\":" + taskId + ",\"action\":\"CLOSE\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}";
    }
}
