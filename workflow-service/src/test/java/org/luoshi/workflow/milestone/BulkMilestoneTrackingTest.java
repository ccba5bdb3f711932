package org.luoshi.workflow.milestone;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A supervisor starts 节点填报与审核 for a whole plan at once: every open milestone of its accepted tasks gets exactly one
 * instance, with its report item in the inbox and its reminder timer, across pages; calling again (a retry, or two
 * supervisors at once) starts nothing twice.
 */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class BulkMilestoneTrackingTest {

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @Inject
    RuntimeService runtimeService;

    @Inject
    ManagementService managementService;

    @Test
    void aWholePlanIsTrackedOncePerOpenMilestoneAcrossPagesAndARetryStartsNothing() throws Exception {
        long planId = uniqueTaskId();
        String marker = "批量跟踪" + planId;
        String due = LocalDate.now().plusDays(60).toString();
        List<Long> expected = new ArrayList<>();
        for (int t = 0; t < 5; t++) { // five accepted tasks: three pages of two
            long taskId = uniqueTaskId();
            Map<String, Object> done = MilestoneServiceStub.milestone(taskId * 10 + 3, 3, "已完成", due);
            done.put("status", "DONE");
            taskService.addTask(taskId, marker + "任务" + t, "haidian", List.of(), List.of(
                    MilestoneServiceStub.milestone(taskId * 10 + 1, 1, "节点一", due),
                    MilestoneServiceStub.milestone(taskId * 10 + 2, 2, "节点二", due), done));
            taskService.place(taskId, planId, "ACCEPTED");
            expected.add(taskId * 10 + 1);
            expected.add(taskId * 10 + 2);
        }
        long notAccepted = uniqueTaskId();
        taskService.addTask(notAccepted, marker + "未接收", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(notAccepted * 10 + 1, 1, "节点", due)));
        taskService.place(notAccepted, planId, "ASSIGNED");
        int trackingCallsBefore = taskService.trackingPuts().size();

        // two supervisors at once: between them every milestone is started exactly once
        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<JsonPath> answers = new ArrayList<>();
        try {
            List<Future<JsonPath>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(callers.submit(() -> bulk(planId).then().statusCode(200).extract().jsonPath()));
            }
            for (Future<JsonPath> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(10, answers.stream().mapToInt(a -> a.getInt("started")).sum(), "each open milestone started once");
        assertEquals(List.of(5, 5), answers.stream().map(a -> a.getInt("tasks")).toList(), "only the accepted tasks");
        for (long milestoneId : expected) {
            assertEquals(1, runtimeService.createProcessInstanceQuery().processDefinitionKey(MilestoneReportingProcess.KEY)
                    .variableValueEquals(MilestoneReportingProcess.VAR_MILESTONE_ID, milestoneId).count(),
                    "one instance for milestone " + milestoneId);
        }
        List<String> instances = runtimeService.createProcessInstanceQuery().processDefinitionKey(MilestoneReportingProcess.KEY)
                .variableValueEquals(MilestoneReportingProcess.VAR_TASK_TITLE, marker + "任务0").list().stream()
                .map(pi -> pi.getId()).toList();
        assertEquals(2, instances.size());
        for (String pi : instances) {
            assertEquals(1, managementService.createJobQuery().processInstanceId(pi).timers().count(), "its reminder timer");
        }
        // the report items, one per milestone, in the lead department's inbox
        assertEquals(10, as(DemoUsers.STAFF_HAIDIAN).queryParam("text", marker).queryParam("activity", "submitReport")
                .get("/api/inbox/count").then().statusCode(200).extract().jsonPath().getInt("total"));
        // task-service was told of every started milestone, page by page, none twice
        List<Long> told = taskService.trackingPuts().stream().skip(trackingCallsBefore).flatMap(List::stream).sorted().toList();
        assertEquals(expected.stream().sorted().toList(), told);

        // a retry finds everything tracked and starts nothing
        bulk(planId).then().statusCode(200).body("tasks", equalTo(5)).body("started", equalTo(0))
                .body("alreadyTracked", equalTo(10));
    }

    @Test
    void aBulkStartInterruptedMidwayKeepsItsPagesAndTheNextCallStartsTheRestOnce() {
        long planId = uniqueTaskId();
        String marker = "中断跟踪" + planId;
        String due = LocalDate.now().plusDays(90).toString();
        List<Long> expected = new ArrayList<>();
        for (int t = 0; t < 6; t++) { // three pages of two tasks, two milestones each
            long taskId = uniqueTaskId();
            taskService.addTask(taskId, marker + "任务" + t, "haidian", List.of(), List.of(
                    MilestoneServiceStub.milestone(taskId * 10 + 1, 1, "节点一", due),
                    MilestoneServiceStub.milestone(taskId * 10 + 2, 2, "节点二", due)));
            taskService.place(taskId, planId, "ACCEPTED");
            expected.add(taskId * 10 + 1);
            expected.add(taskId * 10 + 2);
        }
        taskService.failTrackingOnceAfter(1); // one page is recorded, task-service is gone at the next
        bulk(planId).then().statusCode(502);
        // the pages committed stay (two are tracked at once, so one or two of three), the failed one rolled back whole
        int kept = instancesOf(expected);
        assertTrue(kept == 4 || kept == 8, "whole pages of 4 milestones kept: " + kept);
        assertEquals(kept, inboxCount(marker), "an inbox item exactly for each instance kept");

        bulk(planId).then().statusCode(200).body("tasks", equalTo(6)).body("started", equalTo(12 - kept))
                .body("alreadyTracked", equalTo(kept));
        for (long milestoneId : expected) {
            assertEquals(1, runtimeService.createProcessInstanceQuery().processDefinitionKey(MilestoneReportingProcess.KEY)
                    .variableValueEquals(MilestoneReportingProcess.VAR_MILESTONE_ID, milestoneId).count(),
                    "one instance for milestone " + milestoneId);
        }
        assertEquals(12, inboxCount(marker), "one report item per milestone");
        for (String pi : instancesOfMilestones(expected)) {
            assertEquals(1, managementService.createJobQuery().processInstanceId(pi).timers().count(), "its reminder timer");
        }
        bulk(planId).then().statusCode(200).body("started", equalTo(0)).body("alreadyTracked", equalTo(12));
    }

    private int instancesOf(List<Long> milestoneIds) {
        return instancesOfMilestones(milestoneIds).size();
    }

    private java.util.Set<String> instancesOfMilestones(List<Long> milestoneIds) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (long milestoneId : milestoneIds) {
            runtimeService.createProcessInstanceQuery().processDefinitionKey(MilestoneReportingProcess.KEY)
                    .variableValueEquals(MilestoneReportingProcess.VAR_MILESTONE_ID, milestoneId).list()
                    .forEach(pi -> ids.add(pi.getId()));
        }
        return ids;
    }

    private static int inboxCount(String marker) {
        return as(DemoUsers.STAFF_HAIDIAN).queryParam("text", marker).queryParam("activity", "submitReport")
                .get("/api/inbox/count").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    @Test
    void onlySupervisorsStartABulkAndAPlanIsRequired() {
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("planId", 1))
                .post("/api/milestone-trackings/bulk").then().statusCode(403);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("sectionId", 1))
                .post("/api/milestone-trackings/bulk").then().statusCode(400).body("errors[0].field", equalTo("planId"));
    }

    private static io.restassured.response.Response bulk(long planId) {
        return as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("planId", planId))
                .post("/api/milestone-trackings/bulk");
    }
}
