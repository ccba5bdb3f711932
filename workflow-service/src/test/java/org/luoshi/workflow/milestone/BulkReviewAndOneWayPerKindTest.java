package org.luoshi.workflow.milestone;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.WorkflowApi;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Bulk APPROVE / REJECT on 督查室审核 items of milestone reports completes them exactly like the review endpoint
 * (same variables, same recordDecision job), and the generic inbox completion does not complete them at all.
 */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class BulkReviewAndOneWayPerKindTest {
    private static final String PROBLEM = "application/problem+json";

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @Inject
    HistoryService historyService;

    @Test
    void bulkApproveOfThreeReviewsOneAlreadyApprovedPlusAnUnknownId() {
        List<String> pis = new ArrayList<>();
        List<String> reviews = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String pi = reportedMilestone();
            pis.add(pi);
            reviews.add(reviewItem(pi));
        }
        // the first is approved on its own first
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/milestone-items/" + reviews.get(0) + "/review").then().statusCode(200);

        // REJECT needs a comment, as on the review endpoint
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("action", "REJECT", "itemIds", List.of(reviews.get(1))))
                .post("/api/inbox/bulk").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("comment")));

        JsonPath results = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("action", "APPROVE", "itemIds", List.of(reviews.get(1), reviews.get(2), reviews.get(0), "no-such-item")))
                .post("/api/inbox/bulk").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(reviews.get(1), reviews.get(2), reviews.get(0), "no-such-item"), results.getList("id"));
        assertEquals(List.of(200, 200, 409, 404), results.getList("status"));
        assertEquals(List.of(true, true, false, false), results.getList("ok"));
        assertEquals(409, results.getInt("[2].problem.status"));

        for (String pi : pis) {
            await("milestone " + pi + " approved").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count() == 1);
            assertEquals("milestoneApproved", WorkflowApi.processState(pi).getString("endActivityId"));
            List<MilestoneServiceStub.Recorded> decisions = taskService.decisionPuts(pi);
            assertEquals(1, decisions.size(), "one decision recorded for " + pi);
            assertEquals("/api/milestone-reports/" + pi + ":lead:1/decision", decisions.get(0).path());
            assertEquals("APPROVED", decisions.get(0).json().path("decision").asText());
            assertEquals(DemoUsers.SUPERVISOR, decisions.get(0).json().path("decidedBy").asText());
        }
    }

    @Test
    void bulkRejectRecordsTheCommentLikeTheReviewEndpoint() {
        String pi = reportedMilestone();
        String review = reviewItem(pi);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("action", "REJECT", "itemIds", List.of(review), "comment", "请补充佐证"))
                .post("/api/inbox/bulk").then().statusCode(200).body("[0].status", equalTo(200));
        await("the rejection is recorded").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> taskService.decisionPuts(pi).size() == 1);
        assertEquals("REJECTED", taskService.decisionPuts(pi).get(0).json().path("decision").asText());
        assertEquals("请补充佐证", taskService.decisionPuts(pi).get(0).json().path("comment").asText());
        // back to the lead, whose new item shows the comment
        Map<String, Object> again = awaitMilestoneItem(DemoUsers.STAFF_HAIDIAN, pi, "REPORT");
        assertEquals("请补充佐证", as(DemoUsers.STAFF_HAIDIAN).get("/api/milestone-items/" + again.get("id"))
                .then().statusCode(200).extract().jsonPath().getString("lastRejection.comment"));
    }

    @Test
    void theGenericInboxCompletionDoesNotCompleteAReviewItem() {
        String pi = reportedMilestone();
        String review = reviewItem(pi);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post("/api/inbox/" + review + "/complete").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("POST /api/milestone-items/{id}/review"));
        // still open, still unclaimed, nothing recorded
        as(DemoUsers.SUPERVISOR).get("/api/milestone-items/" + review).then().statusCode(200).body("kind", equalTo("REVIEW"));
        assertEquals(null, as(DemoUsers.SUPERVISOR).get("/api/inbox/" + review).then().statusCode(200)
                .extract().jsonPath().getString("assignee"));
        assertEquals(List.of(), taskService.decisionPuts(pi));
        // the same for the lead's report item
        String reportPi = trackedMilestone();
        Map<String, Object> report = awaitMilestoneItem(DemoUsers.STAFF_HAIDIAN, reportPi, "REPORT");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post("/api/inbox/" + report.get("id") + "/complete").then().statusCode(409)
                .body("detail", containsString("POST /api/milestone-items/{id}/report"));
        assertFalse(historyService.createHistoricProcessInstanceQuery().processInstanceId(reportPi).finished().count() == 1);
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** A tracked milestone of a haidian task, no co-departments; returns the milestone-reporting instance. */
    private String trackedMilestone() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "批量审核任务", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(taskId * 10 + 1, 1, "节点" + taskId, LocalDate.now().plusDays(40).toString())));
        JsonPath started = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", taskId))
                .post("/api/milestone-trackings").then().statusCode(200).extract().jsonPath();
        assertTrue(started.getBoolean("milestones[0].started"));
        return started.getString("milestones[0].processInstanceId");
    }

    /** A tracked milestone whose lead has reported: it waits in 督查室审核. */
    private String reportedMilestone() {
        String pi = trackedMilestone();
        Map<String, Object> report = awaitMilestoneItem(DemoUsers.STAFF_HAIDIAN, pi, "REPORT");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("text", "已完成", "percent", 100))
                .post("/api/milestone-items/" + report.get("id") + "/report").then().statusCode(200);
        return pi;
    }

    private static String reviewItem(String pi) {
        return (String) awaitMilestoneItem(DemoUsers.SUPERVISOR, pi, "REVIEW").get("id");
    }

    static Map<String, Object> awaitMilestoneItem(String user, String pi, String kind) {
        List<Map<String, Object>> found = new ArrayList<>();
        await(user + "'s " + kind + " item").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> items = as(user).queryParam("processInstanceId", pi).get("/api/milestone-items")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            found.clear();
            items.stream().filter(i -> kind.equals(i.get("kind"))).forEach(found::add);
            return found.size() == 1;
        });
        return found.get(0);
    }
}
