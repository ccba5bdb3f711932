package org.luoshi.workflow.milestone;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.inboxItemsOf;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;
import static org.luoshi.workflow.WorkflowApi.awaitInboxItem;
import static org.luoshi.workflow.milestone.BulkReviewAndOneWayPerKindTest.awaitMilestoneItem;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Deciding steps of 节点填报与审核 and 动态调整 belong to the deciding role, and nobody decides their own case: the
 * requester of an adjustment neither reviews nor approves it, nobody decides a report of a task their department leads.
 */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class SeparationOfDutiesTest {
    private static final String PROBLEM = "application/problem+json";

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    /** A milestone of a task led by {@code lead}, reported by {@code reporter}: it waits in 督查室审核. */
    private String reportedMilestoneOf(String lead, String reporter) {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "职责分离", lead, List.of(),
                List.of(MilestoneServiceStub.milestone(taskId * 10 + 1, 1, "节点" + taskId, LocalDate.now().plusDays(30).toString())));
        String pi = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", taskId))
                .post("/api/milestone-trackings").then().statusCode(200).extract().jsonPath()
                .getString("milestones[0].processInstanceId");
        Map<String, Object> report = awaitMilestoneItem(reporter, pi, "REPORT");
        as(reporter).contentType(ContentType.JSON).body(Map.of("text", "已完成", "percent", 100))
                .post("/api/milestone-items/" + report.get("id") + "/report").then().statusCode(200);
        return pi;
    }

    @Test
    void aMilestoneReportWaitsForTheSupervisorRoleNotForStaffOfTheSupervisionDepartment() {
        String pi = reportedMilestoneOf("haidian", DemoUsers.STAFF_HAIDIAN);
        Map<String, Object> review = awaitMilestoneItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        assertEquals(List.of(), inboxItemsOf(DemoUsers.STAFF_SUPERVISION, pi), "wu.gang is not offered the review");
        as(DemoUsers.STAFF_SUPERVISION).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/milestone-items/" + review.get("id") + "/review").then().statusCode(403).contentType(PROBLEM);
        assertEquals(List.of("role:supervisor"), inboxItemsOf(DemoUsers.SUPERVISOR, pi).get(0).get("candidateGroups"));
    }

    @Test
    void nobodyApprovesAReportOfATaskTheirOwnDepartmentLeads() {
        // a task the supervising office leads itself, reported by its staff member: chen.jing may not decide it
        String pi = reportedMilestoneOf("supervision", DemoUsers.STAFF_SUPERVISION);
        Map<String, Object> review = awaitMilestoneItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/milestone-items/" + review.get("id") + "/review").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("supervision"));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("action", "APPROVE", "itemIds", List.of(review.get("id"))))
                .post("/api/inbox/bulk").then().statusCode(200)
                .body("[0].status", org.hamcrest.Matchers.equalTo(403));
        assertEquals(List.of(), taskService.decisionPuts(pi), "nothing decided");
    }

    @Test
    void theRequesterOfAnAdjustmentNeitherReviewsNorApprovesIt() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "自己申请的调整", "haidian", List.of(), List.of());
        String pi = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "reasonCategory", "OTHER", "justification", "督查室自己申请",
                        "newTitle", "自己申请的调整（新）"))
                .post("/api/adjustments").then().statusCode(201).extract().jsonPath().getString("processInstanceId");
        Map<String, Object> review = awaitInboxItem(DemoUsers.SUPERVISOR, pi, "reviewAdjustment");
        assertEquals(List.of("role:supervisor"), review.get("candidateGroups"));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + review.get("id") + "/decision").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("requested"));
        assertTrue(inboxItemsOf(DemoUsers.STAFF_SUPERVISION, pi).isEmpty(), "not offered to staff of supervision");

        long adminTask = uniqueTaskId();
        taskService.addTask(adminTask, "领导申请的调整", "haidian", List.of(), List.of());
        String adminPi = as(DemoUsers.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("taskId", adminTask, "reasonCategory", "OTHER", "justification", "领导申请", "newTitle", "新标题"))
                .post("/api/adjustments").then().statusCode(201).extract().jsonPath().getString("processInstanceId");
        Map<String, Object> adminReview = awaitInboxItem(DemoUsers.SUPERVISOR, adminPi, "reviewAdjustment");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + adminReview.get("id") + "/decision").then().statusCode(200);
        Map<String, Object> approval = awaitInboxItem(DemoUsers.ADMIN, adminPi, "approveAdjustment");
        as(DemoUsers.ADMIN).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + approval.get("id") + "/decision").then().statusCode(403).contentType(PROBLEM);
    }
}
