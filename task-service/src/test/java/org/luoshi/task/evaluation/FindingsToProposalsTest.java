package org.luoshi.task.evaluation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Findings → proposals → an adjustment started from one, with real tokens: the evaluator names tasks in the findings,
 * the approval (recorded by the engine) turns those about a task behind schedule into proposals in the supervising
 * office's inbox, which starts a 动态调整 from one and declines another, and the adjustment applied later is listed as
 * what followed — and what the next status snapshot discloses of the decision.
 */
@QuarkusTest
class FindingsToProposalsTest {
    @Inject
    EvaluationFixtures fixtures;

    @Test
    void findingsAboutATaskBehindScheduleBecomeProposalsThatTheOfficeDecidesOnceWithTheAdjustmentThatFollowed() {
        EvaluationFixtures.PlanData plan = fixtures.plan();
        String service = KeycloakTokens.serviceAccountToken();
        String evaluator = KeycloakTokens.accessToken(DemoUsers.EVALUATOR);
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        String staff = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        long id = given().auth().oauth2(service).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(EvaluationLaunchTest.body(plan.planId()))
                .when().post("/api/evaluations").then().statusCode(201).extract().jsonPath().getLong("id");

        // a task of another plan is refused on its field
        given().auth().oauth2(evaluator).contentType(ContentType.JSON)
                .body("{\"items\":[{\"text\":\"x\",\"taskId\":999999999}]}")
                .when().put("/api/evaluations/" + id + "/finding-items").then().statusCode(400)
                .body("errors[0].field", equalTo("items[0].taskId"));
        given().auth().oauth2(evaluator).contentType(ContentType.JSON)
                .body("{\"items\":[{\"text\":\"怀柔科学中心建设滞后于计划\",\"taskId\":" + plan.overdueTask() + "},"
                        + "{\"text\":\"政策体系进展顺利\",\"taskId\":" + plan.laterTask() + "},"
                        + "{\"text\":\"总体评价良好\"}]}")
                .when().put("/api/evaluations/" + id + "/finding-items").then().statusCode(200)
                .body("ordinal", contains(1, 2, 3));
        // nothing is proposed before approval
        given().auth().oauth2(supervisor).when().get("/api/evaluations/" + id + "/proposals").then().statusCode(200)
                .body("$", empty());

        fixtures.currentReports(id);
        given().auth().oauth2(service).when().post("/api/evaluations/" + id + "/submission").then().statusCode(200);
        given().auth().oauth2(service).contentType(ContentType.JSON)
                .body("{\"decision\":\"APPROVE\",\"decidedBy\":\"chen.jing\"}")
                .when().post("/api/evaluations/" + id + "/review").then().statusCode(200);

        // only the task behind schedule is proposed; it is in the office's inbox, prefilled with the finding
        long proposal = given().auth().oauth2(supervisor).when().get("/api/evaluations/" + id + "/proposals").then()
                .statusCode(200)
                .body("taskId", contains((int) plan.overdueTask()))
                .body("[0].ground", equalTo("TASK_BEHIND_SCHEDULE"))
                .body("[0].status", equalTo("OPEN"))
                .body("[0].taskReference", equalTo("三（一）1"))
                .body("[0].justification", equalTo("中期评估报告发现1：怀柔科学中心建设滞后于计划"))
                .extract().jsonPath().getLong("[0].id");
        given().auth().oauth2(supervisor).when().get("/api/evaluation-proposals").then().statusCode(200)
                .body("id", hasItem((int) proposal));
        given().auth().oauth2(staff).when().get("/api/evaluation-proposals").then().statusCode(403);
        // the office decides in its inbox (workflow-service's 调整建议 item), which records it with the service account
        for (String person : List.of(staff, supervisor)) {
            given().auth().oauth2(person).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + UUID.randomUUID())
                    .body("{\"decision\":\"DECLINE\",\"reason\":\"x\",\"decidedBy\":\"chen.jing\"}")
                    .when().post("/api/evaluation-proposals/" + proposal + "/decision").then().statusCode(403);
        }
        // asked first: what the recording would refuse, refused by the check (the 动态调整's id is not known yet)
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"decision\":\"DECLINE\",\"decidedBy\":\"chen.jing\"}")
                .when().post("/api/evaluation-proposals/" + proposal + "/decision/validation").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"decision\":\"ADJUST\"}")
                .when().post("/api/evaluation-proposals/" + proposal + "/decision/validation").then().statusCode(400)
                .body("errors[0].field", equalTo("decidedBy"));
        given().auth().oauth2(service).contentType(ContentType.JSON).body("{\"decision\":\"ADJUST\",\"decidedBy\":\"chen.jing\"}")
                .when().post("/api/evaluation-proposals/" + proposal + "/decision/validation").then().statusCode(204);

        // the office started a 动态调整 from it (workflow-service's process id) — recorded once, the key repeated harmlessly
        String key = "pi-item:decision";
        given().auth().oauth2(service).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"decision\":\"ADJUST\",\"decidedBy\":\"chen.jing\"}")
                .when().post("/api/evaluation-proposals/" + proposal + "/decision").then().statusCode(400)
                .body("errors[0].field", equalTo("adjustmentProcessId"));
        given().auth().oauth2(service).contentType(ContentType.JSON)
                .body("{\"decision\":\"ADJUST\",\"adjustmentProcessId\":\"x\",\"decidedBy\":\"chen.jing\"}")
                .when().post("/api/evaluation-proposals/" + proposal + "/decision").then().statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        String process = "pi-" + UUID.randomUUID();
        key = process + ":decision";
        for (int attempt = 0; attempt < 2; attempt++) {
            given().auth().oauth2(service).contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .body("{\"decision\":\"ADJUST\",\"adjustmentProcessId\":\"" + process + "\",\"decidedBy\":\"chen.jing\"}")
                    .when().post("/api/evaluation-proposals/" + proposal + "/decision").then().statusCode(200)
                    .body("status", equalTo("ADJUSTMENT_STARTED"))
                    .body("adjustedTaskId", equalTo((int) plan.overdueTask()))
                    .body("decidedBy", equalTo("chen.jing"))
                    .body("adjustmentsFollowed", empty());
        }
        given().auth().oauth2(service).contentType(ContentType.JSON).header("Idempotency-Key", "other:decision")
                .body("{\"decision\":\"DECLINE\",\"reason\":\"改主意\",\"decidedBy\":\"chen.jing\"}")
                .when().post("/api/evaluation-proposals/" + proposal + "/decision").then().statusCode(409)
                .body("code", equalTo("proposal.decided"));
        given().auth().oauth2(service).contentType(ContentType.JSON)
                .body("{\"decision\":\"DECLINE\",\"reason\":\"改主意\",\"decidedBy\":\"chen.jing\"}")
                .when().post("/api/evaluation-proposals/" + proposal + "/decision/validation").then().statusCode(409)
                .body("code", equalTo("proposal.decided"));
        given().auth().oauth2(supervisor).when().get("/api/evaluation-proposals").then()
                .body("id", not(hasItem((int) proposal)));

        // the adjustment, approved and applied by workflow-service under its key, is what followed
        given().auth().oauth2(service).contentType(ContentType.JSON)
                .body("{\"taskId\":" + plan.overdueTask() + ",\"reasonCategory\":\"OTHER\",\"justification\":"
                        + "\"中期评估报告发现1：怀柔科学中心建设滞后于计划\",\"requestedBy\":\"chen.jing\",\"reviewedBy\":\"chen.jing\","
                        + "\"approvedBy\":\"sun.lei\",\"newDueDate\":\"2027-06-30\"}")
                .when().put("/api/adjustments/" + process + ":applyAdjustment").then().statusCode(200);
        given().auth().oauth2(supervisor).when().get("/api/evaluation-proposals/" + proposal).then().statusCode(200)
                .body("adjustmentsFollowed.justification", contains(containsString("滞后于计划")));
        // the decisions are in the evaluation's record
        given().auth().oauth2(supervisor).when().get("/api/audit?entityType=evaluation&entityId=" + id).then()
                .statusCode(200).body("items.action", hasItem("evaluation.proposal-decided"));

        // the next status snapshot discloses the decision: the finding, the office (no person), the adjustment applied
        long snapshot = given().auth().oauth2(supervisor).when().post("/api/plans/" + plan.planId() + "/disclosures")
                .then().statusCode(201).extract().jsonPath().getLong("snapshotId");
        String published = given().when().get("/api/public/snapshots/" + snapshot).then().statusCode(200)
                .body("schemaVersion", equalTo(2))
                .body("proposalDecisions.proposalId", contains((int) proposal))
                .body("proposalDecisions[0].finding", equalTo("怀柔科学中心建设滞后于计划"))
                .body("proposalDecisions[0].evaluationTitle", equalTo("中期评估报告"))
                .body("proposalDecisions[0].taskReference", equalTo("三（一）1"))
                .body("proposalDecisions[0].decision", equalTo("ADJUSTMENT_STARTED"))
                .body("proposalDecisions[0].decisionLabel", equalTo("已启动动态调整"))
                .body("proposalDecisions[0].decidedBy", equalTo("督查室"))
                .body("proposalDecisions[0].adjustedTaskReference", equalTo("三（一）1"))
                .body("proposalDecisions[0].adjustmentsFollowed.dueDateAfter", contains("2027-06-30"))
                .extract().asString();
        assertThat(published).doesNotContain("chen.jing", "sun.lei", process);
    }
}
