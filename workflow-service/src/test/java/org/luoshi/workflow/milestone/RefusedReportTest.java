package org.luoshi.workflow.milestone;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;
import static org.luoshi.workflow.milestone.BulkReviewAndOneWayPerKindTest.awaitMilestoneItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A report task-service refuses for good (400: evidence of another milestone) goes back to the lead department with
 * the reason — no retries, no incident — and the corrected report goes on to review under a new key.
 */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class RefusedReportTest {

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @Inject
    RuntimeService runtimeService;

    @Test
    void aReportCitingEvidenceTaskServiceWouldRefuseIsRefusedAtOnceNamingTheField() {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 1;
        long foreignEvidence = taskId * 10 + 8;
        taskService.refuseEvidence(foreignEvidence);
        String pi = tracked(taskId, milestoneId);
        Map<String, Object> report = awaitMilestoneItem(DemoUsers.STAFF_HAIDIAN, pi, "REPORT");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("text", "已完成", "percent", 100, "evidenceIds", List.of(foreignEvidence)))
                .post("/api/milestone-items/" + report.get("id") + "/report").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("evidenceIds[0]")));
        assertEquals(List.of(), taskService.reportPuts(milestoneId), "nothing recorded");
        as(DemoUsers.STAFF_HAIDIAN).get("/api/milestone-items/" + report.get("id")).then().statusCode(200);
    }

    private String tracked(long taskId, long milestoneId) {
        return tracked(taskId, milestoneId, List.of());
    }

    private String tracked(long taskId, long milestoneId, List<String> coDepartments) {
        taskService.addTask(taskId, "佐证校验", "haidian", coDepartments,
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, "节点", LocalDate.now().plusDays(30).toString())));
        return as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", taskId))
                .post("/api/milestone-trackings").then().statusCode(200).extract().jsonPath()
                .getString("milestones[0].processInstanceId");
    }

    @Test
    void aSubReportTaskServiceWouldRefuseIsRefusedAtOnceAndOneRefusedLaterGoesBackToTheCoDepartmentWithTheReason() {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 1;
        long foreignEvidence = taskId * 10 + 7;
        long removedEvidence = taskId * 10 + 6;
        taskService.refuseEvidence(foreignEvidence);
        taskService.refuseEvidenceWhenRecorded(removedEvidence);
        String pi = tracked(taskId, milestoneId, List.of("chaoyang"));
        Map<String, Object> sub = awaitMilestoneItem(DemoUsers.STAFF_CHAOYANG, pi, "SUB_REPORT");
        String path = "/api/milestone-items/" + sub.get("id") + "/sub-report";

        as(DemoUsers.STAFF_CHAOYANG).contentType(ContentType.JSON)
                .body(Map.of("text", "已配合完成", "percent", 100, "evidenceIds", List.of(foreignEvidence)))
                .post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("evidenceIds[0]")));
        assertEquals(List.of(), taskService.reportPuts(milestoneId), "nothing recorded");

        as(DemoUsers.STAFF_CHAOYANG).contentType(ContentType.JSON)
                .body(Map.of("text", "已配合完成", "percent", 100, "evidenceIds", List.of(removedEvidence)))
                .post(path).then().statusCode(200);
        Map<String, Object> again = awaitMilestoneItem(DemoUsers.STAFF_CHAOYANG, pi, "SUB_REPORT");
        Map<String, Object> shown = as(DemoUsers.STAFF_CHAOYANG).get("/api/milestone-items/" + again.get("id"))
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertTrue(String.valueOf(shown.get("reportRefusal")).contains("evidenceIds[0]"), "the reason: " + shown);
        assertEquals(1, taskService.reportPuts(milestoneId).size(), "refused once, not retried");
        assertEquals(0, runtimeService.createIncidentQuery().processInstanceId(pi).count(), "no incident");
    }

    @Test
    void aReportTaskServiceRefusesGoesBackToTheLeadWithTheReasonInsteadOfAnIncident() {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 1;
        long foreignEvidence = taskId * 10 + 9;
        taskService.refuseEvidenceWhenRecorded(foreignEvidence);
        String pi = tracked(taskId, milestoneId);
        Map<String, Object> report = awaitMilestoneItem(DemoUsers.STAFF_HAIDIAN, pi, "REPORT");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("text", "已完成", "percent", 100, "evidenceIds", List.of(foreignEvidence)))
                .post("/api/milestone-items/" + report.get("id") + "/report").then().statusCode(200);

        Map<String, Object> again = awaitMilestoneItem(DemoUsers.STAFF_HAIDIAN, pi, "REPORT");
        Map<String, Object> shown = as(DemoUsers.STAFF_HAIDIAN).get("/api/milestone-items/" + again.get("id"))
                .then().statusCode(200).extract().jsonPath().getMap("$");
        assertTrue(String.valueOf(shown.get("reportRefusal")).contains("evidenceIds[0]"), "the reason: " + shown);
        assertEquals(1, taskService.reportPuts(milestoneId).size(), "refused once, not retried");
        assertEquals(0, runtimeService.createIncidentQuery().processInstanceId(pi).count(), "no incident");

        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("text", "已完成（更正佐证）", "percent", 100))
                .post("/api/milestone-items/" + again.get("id") + "/report").then().statusCode(200);
        awaitMilestoneItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        assertEquals(List.of("/api/milestones/" + milestoneId + "/reports/" + pi + ":lead:1",
                "/api/milestones/" + milestoneId + "/reports/" + pi + ":lead:2"),
                taskService.reportPuts(milestoneId).stream().map(MilestoneServiceStub.Recorded::path).toList());
        assertNull(runtimeService.getVariable(pi, "reportRefusal"), "the refusal is cleared by the corrected report");
    }
}
