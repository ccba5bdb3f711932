package org.luoshi.task.succession;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.luoshi.task.succession.SuccessionFixtures.link;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** The public portal sees the succession only between published plans, and the continued series as published. */
@QuarkusTest
@TestSecurity(user = "chen.jing", roles = "supervisor")
class PublicSuccessionTest {
    @Inject
    SuccessionFixtures fixtures;

    @Test
    void theSuccessionAndTheSeriesAcrossBothPlansArePublicOnceBothPlansArePublished() {
        SuccessionFixtures.Plans plans = fixtures.plans();
        long old = plans.old().planId();
        long next = plans.newPlanId();
        link(next, old).then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/plans/" + next + "/indicator-continuations")
                .then().statusCode(200);
        given().when().post("/api/plans/" + old + "/disclosures").then().statusCode(201);
        // the new plan is a draft: unpublished, so the old plan's successor is not public
        given().when().get("/api/public/plans/" + next + "/succession").then().statusCode(404);
        given().when().get("/api/public/plans/" + old + "/succession").then().statusCode(200)
                .body("successor", nullValue());

        String etag = given().when().get("/api/plans/" + next).then().extract().header("ETag");
        given().header("If-Match", etag).when().post("/api/plans/" + next + "/confirmation").then().statusCode(200);
        given().when().post("/api/plans/" + next + "/disclosures").then().statusCode(201);

        given().when().get("/api/public/plans/" + old + "/succession").then().statusCode(200)
                .body("successor.planId", equalTo((int) next))
                .body("successor.periodStart", equalTo(2026));
        given().when().get("/api/public/plans/" + next + "/succession").then().statusCode(200)
                .body("predecessor.planId", equalTo((int) old))
                .body("indicators[0].name", equalTo("全社会研究与试验发展经费支出"))
                .body("indicators[0].baselineYear", equalTo(2022))
                .body("indicators[0].baselineRevision", equalTo("REVISED"))
                .body("indicators[0].baselineSource", equalTo("市统计局"))
                // the old plan has no published final evaluation
                .body("predecessorFinalEvaluation", nullValue())
                // the old plan published 2022's revised value; the new plan has no value of its own yet
                .body("indicators[0].points.year", contains(2022))
                .body("indicators[0].points[0].planId", equalTo((int) old))
                .body("indicators[0].points[0].revision", equalTo("REVISED"));
        given().when().get("/api/public/plans").then().statusCode(200)
                .body("find { it.planId == " + next + " }.predecessorPlanId", equalTo((int) old))
                .body("find { it.planId == " + old + " }.successorPlanId", equalTo((int) next))
                .body("find { it.planId == " + next + " }.periodStart", equalTo(2026))
                .body("planId", hasItem((int) old));
    }
}
