package org.luoshi.task.succession;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.luoshi.task.succession.SuccessionFixtures.carry;
import static org.luoshi.task.succession.SuccessionFixtures.carryOver;
import static org.luoshi.task.succession.SuccessionFixtures.close;
import static org.luoshi.task.succession.SuccessionFixtures.link;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/** A plan succeeds another: the link, carry-over with lineage, continued indicators with their baselines. */
@QuarkusTest
@TestSecurity(user = "chen.jing", roles = "supervisor")
class PlanSuccessionTest {
    @Inject
    SuccessionFixtures fixtures;

    @Inject
    Fixtures basics;

    @Test
    void aPlanIsLinkedOnceToAnEarlierPlanNoLongerADraft() {
        SuccessionFixtures.Plans plans = fixtures.plans();
        long old = plans.old().planId();
        link(plans.newPlanId(), old).then().statusCode(200).body("predecessorId", equalTo((int) old));
        // the same link again changes nothing
        int version = link(plans.newPlanId(), old).then().statusCode(200).extract().path("version");
        given().when().get("/api/plans/" + plans.newPlanId()).then().body("version", equalTo(version));

        SuccessionFixtures.Plans other = fixtures.plans();
        link(plans.newPlanId(), other.old().planId()).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("plan.predecessor-set"));
        link(other.newPlanId(), old).then().statusCode(409).body("code", equalTo("plan.already-succeeded"));
        // a predecessor must end before the successor starts, and be in force or closed
        link(other.old().planId(), other.newPlanId()).then().statusCode(409).body("code", equalTo("plan.predecessor-draft"));
        link(other.newPlanId(), other.newPlanId()).then().statusCode(409).body("code", equalTo("plan.own-predecessor"));
        long sameperiod = basics.planInForce();
        link(sameperiod, other.old().planId()).then().statusCode(409).body("code", equalTo("plan.predecessor-period"));
        link(other.newPlanId(), 999999999L).then().statusCode(400).body("errors[0].field", equalTo("predecessorId"));
        given().contentType(ContentType.JSON).body("{\"predecessorId\":" + old + "}")
                .when().put("/api/plans/" + other.newPlanId() + "/predecessor").then().statusCode(428);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    void staffNeitherLinkNorCarryOverNorReadTheSuccessionWorkspace() {
        long plan = basics.planInForce();
        given().contentType(ContentType.JSON).header("If-Match", "W/\"0\"").body("{\"predecessorId\":1}")
                .when().put("/api/plans/" + plan + "/predecessor").then().statusCode(403);
        carryOver(plan, carry(1)).then().statusCode(403);
        given().when().get("/api/plans/" + plan + "/succession").then().statusCode(403);
    }

    @Test
    void bulkCarryOverKeepsLineageAndARefusalNamesEveryItemThatCannotBeCarried() {
        SuccessionFixtures.Plans plans = fixtures.plans();
        long newPlan = plans.newPlanId();
        carryOver(newPlan, carry(plans.old().overdueTask())).then().statusCode(409).body("code", equalTo("plan.no-predecessor"));
        link(newPlan, plans.old().planId()).then().statusCode(200);

        given().when().get("/api/plans/" + newPlan + "/succession").then().statusCode(200)
                .body("predecessor.id", equalTo((int) plans.old().planId()))
                .body("unfinished.id", contains((int) plans.old().overdueTask(), (int) plans.old().laterTask()))
                .body("unfinished[0].reference", equalTo("三（一）1"))
                .body("decided", empty());

        long newTask = carryOver(newPlan, carry(plans.old().overdueTask())).then().statusCode(200)
                .body("[0].decision", equalTo("CARRIED"))
                .body("[0].oldReference", equalTo("三（一）1"))
                .body("[0].oldLeadDepartmentCode", equalTo("haidian"))
                .body("[0].decidedBy", equalTo("chen.jing"))
                .extract().jsonPath().getLong("[0].newTaskId");
        given().when().get("/api/tasks/" + newTask).then().statusCode(200)
                .body("planId", equalTo((int) newPlan)).body("status", equalTo("DRAFT"))
                .body("title", equalTo("建设怀柔综合性国家科学中心")).body("leadDepartmentCode", nullValue());
        given().when().get("/api/tasks/" + newTask + "/lineage").then().statusCode(200)
                .body("carriedFrom.oldTaskId", equalTo((int) plans.old().overdueTask()))
                .body("carriedFrom.oldReference", equalTo("三（一）1"))
                .body("carriedFrom.oldLeadDepartmentCode", equalTo("haidian"))
                .body("oldTask.milestones[0].title", equalTo("完成方案"))
                .body("oldRevisions", notNullValue());

        // the already carried task, a task of no predecessor and a repeat are all named; the later task stays open
        long stranger = basics.assignedTask(basics.planInForce(), "drc");
        carryOver(newPlan, carry(plans.old().laterTask()) + "," + carry(plans.old().overdueTask()) + "," + carry(stranger)
                + "," + carry(plans.old().laterTask()))
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", contains("items[1].taskId", "items[2].taskId", "items[3].taskId"))
                .body("errors.code", contains("carry-over.already-carried", "carry-over.not-in-predecessor",
                        "carry-over.listed-twice"))
                .body("errors[0].params.taskId", equalTo((int) plans.old().overdueTask()))
                .body("errors[0].message", containsString("already carried over, as task " + newTask));
        given().when().get("/api/plans/" + newPlan + "/succession").then()
                .body("unfinished.id", contains((int) plans.old().laterTask()))
                .body("decided", hasSize(1));

        carryOver(newPlan, close(plans.old().laterTask(), null)).then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].reason"));
        carryOver(newPlan, close(plans.old().laterTask(), "已纳入新规划第二章统筹推进")).then().statusCode(200)
                .body("[0].decision", equalTo("CLOSED")).body("[0].newTaskId", nullValue());
        carryOver(newPlan, carry(plans.old().laterTask())).then().statusCode(409)
                .body("errors[0].code", equalTo("carry-over.already-closed"));
        given().when().get("/api/plans/" + newPlan + "/succession").then()
                .body("unfinished", empty())
                .body("decided.decision", contains("CARRIED", "CLOSED"));
        given().when().get("/api/tasks/" + plans.old().laterTask() + "/lineage").then().statusCode(404);
    }

    @Test
    void aContinuedIndicatorTakesTheOldLatestValueAsBaselineWithItsProvenance() {
        SuccessionFixtures.Plans plans = fixtures.plans();
        long newPlan = plans.newPlanId();
        link(newPlan, plans.old().planId()).then().statusCode(200);
        // by name: 2022's revised value (140) is the latest; 技术合同成交额 has no old value yet and is left for later
        given().contentType(ContentType.JSON).body("{}").when().post("/api/plans/" + newPlan + "/indicator-continuations")
                .then().statusCode(200)
                .body("indicatorId", contains((int) plans.newIndicatorId()))
                .body("[0].previousIndicatorId", equalTo((int) plans.old().indicatorId()))
                .body("[0].baselineYear", equalTo(2022))
                .body("[0].baselineValue", equalTo(140.0f))
                .body("[0].baselineRevision", equalTo("REVISED"))
                .body("[0].baselineSource", equalTo("市统计局"));
        given().when().get("/api/indicators/" + plans.newIndicatorId()).then().statusCode(200)
                .body("baselineYear", equalTo(2022)).body("baselineValue", equalTo(140.0f));
        // by name again: nothing left to pair; the same pair named: refused
        given().contentType(ContentType.JSON).body("{}").when().post("/api/plans/" + newPlan + "/indicator-continuations")
                .then().statusCode(200).body("$", empty());
        given().contentType(ContentType.JSON)
                .body("{\"items\":[{\"indicatorId\":" + plans.newIndicatorId() + ",\"previousIndicatorId\":"
                        + plans.old().indicatorId() + "}]}")
                .when().post("/api/plans/" + newPlan + "/indicator-continuations")
                .then().statusCode(409).body("code", equalTo("indicator.already-continued"));
        given().contentType(ContentType.JSON)
                .body("{\"items\":[{\"indicatorId\":" + plans.newIndicatorId() + ",\"previousIndicatorId\":999999999}]}")
                .when().post("/api/plans/" + newPlan + "/indicator-continuations")
                .then().statusCode(400).body("errors[0].field", equalTo("items[0].previousIndicatorId"));
        given().contentType(ContentType.JSON)
                .body("{\"items\":[{\"indicatorId\":" + plans.newWithoutValues() + ",\"previousIndicatorId\":"
                        + plans.oldWithoutValues() + "}]}")
                .when().post("/api/plans/" + newPlan + "/indicator-continuations")
                .then().statusCode(400).body("errors[0].field", equalTo("items[0].previousIndicatorId"))
                .body("errors[0].message", containsString("has no value yet"));
        given().when().get("/api/plans/" + newPlan + "/succession").then()
                .body("continuations[0].baselineRevision", equalTo("REVISED"));
    }
}
