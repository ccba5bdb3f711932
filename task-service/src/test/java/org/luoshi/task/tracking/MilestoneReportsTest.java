package org.luoshi.task.tracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.task.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.ClaimType;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** 进展报告 as workflow-service records them: keyed, idempotent, checked against the task's departments. */
@QuarkusTest
class MilestoneReportsTest {
    @Inject
    Fixtures fixtures;

    long taskId;
    long milestoneId;

    void haidianTaskWithChaoyangAndOneMilestone() {
        taskId = fixtures.assignedTask(fixtures.planInForce(), "haidian", List.of("chaoyang"), LocalDate.of(2025, 12, 31),
                "海淀区牵头的任务");
        milestoneId = fixtures.milestone(taskId, "完成方案", LocalDate.of(2025, 6, 30));
    }

    static String report(String kind, String department, String extra) {
        return "{\"kind\":\"" + kind + "\",\"departmentCode\":\"" + department + "\",\"submittedBy\":\"li.na\","
                + "\"text\":\"方案已完成\",\"percent\":100" + extra + "}";
    }

    static Response put(long milestoneId, String key, String body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().put("/api/milestones/" + milestoneId + "/reports/" + key);
    }

    static Response decide(String key, String body) {
        return given().contentType(ContentType.JSON).body(body).when().put("/api/milestone-reports/" + key + "/decision");
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void aLeadReportConsolidatingASubReportIsRecordedOnceAndItsApprovalCompletesTheTask() {
        haidianTaskWithChaoyangAndOneMilestone();
        long evidence = fixtures.evidence(milestoneId, "方案.pdf", EvidenceFilesTest.PDF);
        String sub = "sub-" + milestoneId;
        String lead = "lead-" + milestoneId;
        put(milestoneId, sub, report("SUB", "chaoyang", "")).then().statusCode(200).body("kind", equalTo("SUB"));
        String submittedAt = put(milestoneId, lead, report("LEAD", "haidian",
                ",\"evidenceIds\":[" + evidence + "],\"consolidates\":[\"" + sub + "\"]"))
                .then().statusCode(200)
                .body("reportKey", equalTo(lead))
                .body("taskId", equalTo((int) taskId))
                .body("status", equalTo("SUBMITTED"))
                .body("decision", nullValue())
                .body("evidenceIds", contains((int) evidence))
                .body("consolidates", contains(sub))
                .extract().path("submittedAt");
        put(milestoneId, lead, report("LEAD", "haidian", "")).then().statusCode(200)
                .body("submittedAt", equalTo(submittedAt)).body("consolidates", contains(sub));

        given().when().get("/api/milestones/" + milestoneId + "/reports")
                .then().statusCode(200).body("reportKey", contains(lead, sub));

        String approval = "{\"decision\":\"APPROVED\",\"decidedBy\":\"chen.jing\",\"decidedOn\":\"2026-11-26\"}";
        decide(lead, approval).then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("chen.jing"));
        decide(lead, approval).then().statusCode(200);
        given().when().get("/api/tasks/" + taskId).then()
                .body("milestones[0].status", equalTo("DONE"))
                .body("milestones[0].completedOn", equalTo("2026-11-26"))
                .body("status", equalTo("COMPLETED"))
                // the share of (weighted) milestones done, 0 to 1: the web shows it as 100%, not as "1%"
                .body("progress", equalTo(1.0f));
        decide(lead, "{\"decision\":\"REJECTED\",\"decidedBy\":\"chen.jing\",\"comment\":\"不行\",\"decidedOn\":\"2026-11-27\"}")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void aRejectionNeedsACommentAndLeavesTheMilestoneOpen() {
        haidianTaskWithChaoyangAndOneMilestone();
        String key = "rejected-" + milestoneId;
        put(milestoneId, key, report("LEAD", "haidian", "")).then().statusCode(200);
        decide(key, "{\"decision\":\"REJECTED\",\"decidedBy\":\"chen.jing\",\"decidedOn\":\"2026-11-26\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("comment"));
        decide(key, "{\"decision\":\"REJECTED\",\"decidedBy\":\"chen.jing\",\"comment\":\"缺少佐证材料\",\"decidedOn\":\"2026-11-26\"}")
                .then().statusCode(200).body("status", equalTo("REJECTED")).body("comment", equalTo("缺少佐证材料"));
        given().when().get("/api/tasks/" + taskId).then().body("milestones[0].status", equalTo("PLANNED"));
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void aReportNamingWhatDoesNotFitIsRefusedNamingTheField() {
        haidianTaskWithChaoyangAndOneMilestone();
        long otherMilestone = fixtures.milestone(taskId, "第二个节点", LocalDate.of(2025, 9, 30));
        long foreignEvidence = fixtures.evidence(otherMilestone, "别的.pdf", EvidenceFilesTest.PDF);
        put(milestoneId, "k1-" + milestoneId, report("SUB", "haidian", "")).then().statusCode(400)
                .body("errors[0].field", equalTo("departmentCode"));
        put(milestoneId, "k2-" + milestoneId, report("LEAD", "chaoyang", "")).then().statusCode(400)
                .body("errors[0].field", equalTo("departmentCode"));
        put(milestoneId, "k3-" + milestoneId, report("LEAD", "haidian", ",\"evidenceIds\":[" + foreignEvidence + "]"))
                .then().statusCode(400).body("errors[0].field", equalTo("evidenceIds[0]"));
        put(otherMilestone, "sub-other-" + otherMilestone, report("SUB", "chaoyang", "")).then().statusCode(200);
        put(milestoneId, "k4-" + milestoneId, report("LEAD", "haidian", ",\"consolidates\":[\"sub-other-" + otherMilestone + "\"]"))
                .then().statusCode(400).body("errors[0].field", equalTo("consolidates[0]"));
        put(milestoneId, "k5-" + milestoneId, report("LEAD", "haidian", "").replace("\"percent\":100", "\"percent\":101"))
                .then().statusCode(400).body("errors[0].field", equalTo("percent"));
        put(milestoneId, "k6-" + milestoneId, report("LEAD", "haidian", "").replace("方案已完成", "x".repeat(5001)))
                .then().statusCode(400).body("errors[0].field", equalTo("text"));
        given().when().get("/api/milestones/" + milestoneId + "/reports").then().body("size()", equalTo(0));
    }

    @Test
    @TestSecurity(user = "service-account-luoshi-workflow", roles = "service")
    void aReportKeyReusedForAnotherMilestoneIsAConflict() {
        haidianTaskWithChaoyangAndOneMilestone();
        long other = fixtures.milestone(taskId, "第二个节点", LocalDate.of(2025, 9, 30));
        put(milestoneId, "shared-" + milestoneId, report("LEAD", "haidian", "")).then().statusCode(200);
        put(other, "shared-" + milestoneId, report("LEAD", "haidian", "")).then().statusCode(409);
    }

    @Test
    @TestSecurity(user = "li.na", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"haidian\"]", type = ClaimType.JSON_ARRAY))
    void staffMayNotRecordReportsOrDecisions() {
        haidianTaskWithChaoyangAndOneMilestone();
        put(milestoneId, "staff-" + milestoneId, report("LEAD", "haidian", "")).then().statusCode(403);
        decide("staff-" + milestoneId, "{\"decision\":\"APPROVED\",\"decidedBy\":\"li.na\",\"decidedOn\":\"2026-11-26\"}")
                .then().statusCode(403);
        given().when().get("/api/milestones/" + milestoneId + "/reports").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "zhou.qiang", roles = "staff")
    @OidcSecurity(claims = @Claim(key = "departments", value = "[\"eit\"]", type = ClaimType.JSON_ARRAY))
    void staffOfAnotherDepartmentDoNotSeeTheReports() {
        haidianTaskWithChaoyangAndOneMilestone();
        given().when().get("/api/milestones/" + milestoneId + "/reports").then().statusCode(404);
    }
}
