package org.luoshi.workflow.milestone;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.assign;
import static org.luoshi.workflow.WorkflowApi.inboxItemOf;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;
import org.luoshi.workflow.WorkflowApi;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** 节点填报与审核 end to end with real tokens, the task-service stub and an in-process SMTP server. */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class MilestoneReportingFlowTest {
    private static final String PROBLEM = "application/problem+json";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @MilestoneTestResources.Inject
    GreenMail mail;

    @Inject
    ManagementService managementService;

    @Inject
    RuntimeService runtimeService;

    @Inject
    org.camunda.bpm.engine.HistoryService historyService;

    @Test
    void coDepartmentReportsLeadConsolidatesSupervisorRejectsThenApproves() throws Exception {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 1;
        String title = "节点" + milestoneId;
        taskService.addTask(taskId, "建设中关村科学城", "haidian", List.of("chaoyang"),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, title, LocalDate.now(BEIJING).plusDays(30).toString())));

        String pi = acceptedAndTrackedOnce(taskId, milestoneId);
        Map<String, Object> subItem = single(DemoUsers.STAFF_CHAOYANG, pi);
        Map<String, Object> reportItem = single(DemoUsers.STAFF_HAIDIAN, pi);
        assertEachDepartmentSeesOnlyItsOwnItem(subItem, reportItem);

        String subKey = chaoyangSubReports(pi, subItem, (String) reportItem.get("id"));
        haidianReportsConsolidating(pi, (String) reportItem.get("id"), subKey);
        supervisorRejectsThenApprovesTheResubmittedReport(pi, subKey);

        awaitEnded(pi);
        assertEquals("milestoneApproved", WorkflowApi.processState(pi).getString("endActivityId"));
        assertEquals(0, managementService.createJobQuery().processInstanceId(pi).count(), "no timer survives the approval");
        assertTaskServiceRecordedEachReportAndDecisionOnce(milestoneId, pi, subKey);
        assertBothDecisionsNotifiedOnceAndMailed(pi, title);
    }

    /** task-assignment accepted → startMilestoneTracking started the milestone's instance; starting again starts none. */
    private String acceptedAndTrackedOnce(long taskId, long milestoneId) {
        String assignment = assign(taskId, "haidian").getString("processInstanceId");
        String acceptItem = (String) inboxItemOf(DemoUsers.STAFF_HAIDIAN, assignment).get("id");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/inbox/" + acceptItem + "/complete").then().statusCode(200);
        awaitEnded(assignment);

        // starting again (supervisor, for tasks accepted earlier) starts no second instance
        JsonPath tracking = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", taskId))
                .when().post("/api/milestone-trackings").then().statusCode(200).extract().jsonPath();
        assertEquals(1, tracking.getList("milestones").size());
        assertFalse(tracking.getBoolean("milestones[0].started"));
        String pi = tracking.getString("milestones[0].processInstanceId");
        assertTrue(tracking.getString("milestones[0].businessKey").startsWith("milestone-" + milestoneId + "-"));
        assertEquals(1, managementService.createJobQuery().processInstanceId(pi).timers().count(), "the reminder timer waits");
        return pi;
    }

    /** chaoyang (co-department) sees only its sub-report item; haidian only its report item. */
    private void assertEachDepartmentSeesOnlyItsOwnItem(Map<String, Object> subItem, Map<String, Object> reportItem) {
        assertEquals("SUB_REPORT", subItem.get("kind"));
        assertEquals("配合单位报送", subItem.get("name"));
        assertEquals("chaoyang", subItem.get("departmentCode"));
        // the inbox names the department that has to act: the co-department, not the task's lead
        assertEquals("chaoyang", as(DemoUsers.STAFF_CHAOYANG).get("/api/inbox/" + subItem.get("id")).then().statusCode(200)
                .extract().path("departmentCode"));
        assertEquals("朝阳区", as(DemoUsers.STAFF_CHAOYANG).get("/api/inbox/" + subItem.get("id")).then().statusCode(200)
                .extract().path("departmentName"));
        assertEquals("朝阳区", subItem.get("departmentName"));
        assertEquals("REPORT", reportItem.get("kind"));
        assertEquals("牵头单位填报", reportItem.get("name"));
        as(DemoUsers.STAFF_CHAOYANG).get("/api/milestone-items/" + reportItem.get("id")).then().statusCode(404).contentType(PROBLEM);
        as(DemoUsers.STAFF_CHAOYANG).get("/api/inbox/" + reportItem.get("id")).then().statusCode(404);
        String due = as(DemoUsers.STAFF_HAIDIAN).get("/api/inbox/" + reportItem.get("id")).then().statusCode(200)
                .extract().path("due");
        assertNotNull(due, "a report item is due when its milestone is");
        assertEquals(LocalDate.now(BEIJING).plusDays(30),
                java.time.Instant.parse(due).atZone(java.time.ZoneId.systemDefault()).toLocalDate(),
                "the report item's due date is the milestone's");
        as(DemoUsers.STAFF_HAIDIAN).get("/api/milestone-items/" + subItem.get("id")).then().statusCode(404);
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("text", "x", "percent", 1))
                .post("/api/milestone-items/" + subItem.get("id") + "/sub-report").then().statusCode(404);
    }

    /** The sub-report (its fields validated and named), recorded and offered to the lead; returns its key. */
    private String chaoyangSubReports(String pi, Map<String, Object> subItem, String reportItemId) {
        String sub = "/api/milestone-items/" + subItem.get("id") + "/sub-report";
        as(DemoUsers.STAFF_CHAOYANG).contentType(ContentType.JSON).body(Map.of("percent", 150))
                .post(sub).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("text", "percent"));
        as(DemoUsers.STAFF_CHAOYANG).contentType(ContentType.JSON)
                .body(Map.of("text", "朝阳区已完成配套政策起草", "percent", 60, "evidenceIds", List.of(11)))
                .post(sub).then().statusCode(200).body("kind", equalTo("SUB_REPORT"));
        String subKey = pi + ":sub:chaoyang";
        await("the sub-report is recorded and offered to the lead").atMost(WorkflowApi.JOB_TIMEOUT)
                .until(() -> item(DemoUsers.STAFF_HAIDIAN, reportItemId).getList("subReports.reportKey").contains(subKey));
        return subKey;
    }

    /** The lead's report: validation names fields, unknown sub-report keys are refused, then round 1 is sent. */
    private void haidianReportsConsolidating(String pi, String reportItemId, String subKey) {
        String report = "/api/milestone-items/" + reportItemId + "/report";
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("evidenceIds", List.of(1)))
                .post(report).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("text", "percent"));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("text", "x".repeat(5001), "percent", 50))
                .post(report).then().statusCode(400).body("errors.field", equalTo(List.of("text")));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("text", "进展", "percent", 50, "consolidates", List.of("no-such-report")))
                .post(report).then().statusCode(400).body("errors.field", equalTo(List.of("consolidates")));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("text", "海淀区完成方案初稿", "percent", 80, "evidenceIds", List.of(21, 22), "consolidates", List.of(subKey)))
                .post(report).then().statusCode(200).body("reportKey", equalTo(pi + ":lead:1"));
    }

    /** The supervising office rejects with a comment; the lead's new item shows it; round 2 is approved. */
    private void supervisorRejectsThenApprovesTheResubmittedReport(String pi, String subKey) {
        Map<String, Object> review = awaitItem(DemoUsers.SUPERVISOR, pi, i -> "REVIEW".equals(i.get("kind")));
        String reviewPath = "/api/milestone-items/" + review.get("id") + "/review";
        JsonPath reviewView = item(DemoUsers.SUPERVISOR, (String) review.get("id"));
        assertEquals("海淀区完成方案初稿", reviewView.getString("report.text"));
        assertEquals(List.of(subKey), reviewView.getList("report.consolidates"));
        // what a decision needs on the card: who reported, for which department, when — names, not codes
        assertEquals("haidian", reviewView.getString("leadDepartmentCode"));
        assertEquals("海淀区", reviewView.getString("leadDepartmentName"));
        assertEquals("李娜", reviewView.getString("report.submittedByName"));
        assertNotNull(java.time.Instant.parse(reviewView.getString("report.submittedAt")));
        assertEquals("朝阳区", reviewView.getString("subReports[0].departmentName"));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post(reviewPath).then().statusCode(403);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "REJECT"))
                .post(reviewPath).then().statusCode(400).body("errors.field", equalTo(List.of("comment")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "comment", "佐证材料不足"))
                .post(reviewPath).then().statusCode(200).body("decision", equalTo("REJECT"));

        Map<String, Object> again = awaitItem(DemoUsers.STAFF_HAIDIAN, pi, i -> "REPORT".equals(i.get("kind")));
        JsonPath againView = item(DemoUsers.STAFF_HAIDIAN, (String) again.get("id"));
        assertEquals("佐证材料不足", againView.getString("lastRejection.comment"));
        assertEquals(DemoUsers.SUPERVISOR, againView.getString("lastRejection.decidedBy"));
        assertEquals("陈静", againView.getString("lastRejection.decidedByName"));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("text", "已补充佐证材料", "percent", 100, "evidenceIds", List.of(21, 22, 23), "consolidates", List.of(subKey)))
                .post("/api/milestone-items/" + again.get("id") + "/report").then().statusCode(200)
                .body("reportKey", equalTo(pi + ":lead:2"));
        Map<String, Object> review2 = awaitItem(DemoUsers.SUPERVISOR, pi, i -> "REVIEW".equals(i.get("kind")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/milestone-items/" + review2.get("id") + "/review").then().statusCode(200);
    }

    /** task-service saw each report and decision exactly once, with stable keys and the service account's token. */
    private void assertTaskServiceRecordedEachReportAndDecisionOnce(long milestoneId, String pi, String subKey) throws Exception {
        List<MilestoneServiceStub.Recorded> reports = taskService.reportPuts(milestoneId);
        assertEquals(List.of("/api/milestones/" + milestoneId + "/reports/" + subKey,
                "/api/milestones/" + milestoneId + "/reports/" + pi + ":lead:1",
                "/api/milestones/" + milestoneId + "/reports/" + pi + ":lead:2"),
                reports.stream().map(MilestoneServiceStub.Recorded::path).toList());
        assertEquals("SUB", reports.get(0).json().path("kind").asText());
        assertEquals("chaoyang", reports.get(0).json().path("departmentCode").asText());
        assertEquals(DemoUsers.STAFF_CHAOYANG, reports.get(0).json().path("submittedBy").asText());
        assertEquals("LEAD", reports.get(1).json().path("kind").asText());
        assertEquals(subKey, reports.get(1).json().path("consolidates").get(0).asText());
        assertEquals(80, reports.get(1).json().path("percent").asInt());
        assertEquals(100, reports.get(2).json().path("percent").asInt());
        List<MilestoneServiceStub.Recorded> decisions = taskService.decisionPuts(pi);
        assertEquals(2, decisions.size());
        assertEquals("/api/milestone-reports/" + pi + ":lead:1/decision", decisions.get(0).path());
        assertEquals("REJECTED", decisions.get(0).json().path("decision").asText());
        assertEquals("佐证材料不足", decisions.get(0).json().path("comment").asText());
        assertEquals("/api/milestone-reports/" + pi + ":lead:2/decision", decisions.get(1).path());
        assertEquals("APPROVED", decisions.get(1).json().path("decision").asText());
        assertEquals(DemoUsers.SUPERVISOR, decisions.get(1).json().path("decidedBy").asText());
        assertEquals("service-account-luoshi-workflow",
                KeycloakTokens.claims(decisions.get(1).bearerToken()).path("preferred_username").asText());
    }

    /** Each decision is stored for the lead's department and read once by li.na (both recipients), and mailed. */
    private void assertBothDecisionsNotifiedOnceAndMailed(String pi, String title) throws Exception {
        List<String> kinds = notificationsOf(DemoUsers.STAFF_HAIDIAN, pi).stream().map(n -> (String) n.get("kind")).toList();
        assertTrue(kinds.contains("REPORT_REJECTED") && kinds.contains("REPORT_APPROVED"), kinds.toString());
        assertEquals(1, kinds.stream().filter("REPORT_REJECTED"::equals).count(), kinds.toString());
        assertEquals(1, kinds.stream().filter("REPORT_APPROVED"::equals).count(), kinds.toString());
        awaitMail("haidian@demo.luoshi.example", "【审核退回】节点“" + title + "”");
        awaitMail("li.na@demo.luoshi.example", "【审核通过】节点“" + title + "”");
    }

    @Test
    void theLadderRemindsUrgesAndSupervisesAsTheEngineClockMoves() throws Exception {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 2;
        String title = "阶梯" + milestoneId;
        LocalDate due = LocalDate.now(BEIJING).plusDays(10);
        taskService.addTask(taskId, "推进国际科技创新中心建设", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, title, due.toString())));
        String pi = track(taskId);
        try {
            assertTimer(pi, "waitReminder", at(due.minusDays(7)));
            moveClockAndRunTimers(pi, at(due.minusDays(7)).plusSeconds(60));
            awaitNotification(DemoUsers.STAFF_HAIDIAN, pi, "REMINDER");
            awaitMail("haidian@demo.luoshi.example", "【提醒】节点“" + title + "”");
            assertTimer(pi, "waitUrging", at(due.plusDays(1)));

            moveClockAndRunTimers(pi, at(due.plusDays(1)).plusSeconds(60));
            awaitNotification(DemoUsers.STAFF_HAIDIAN, pi, "URGING");
            awaitMail("haidian@demo.luoshi.example", "【催办】节点“" + title + "”");
            assertTimer(pi, "waitSupervision", at(due.plusDays(7)));

            moveClockAndRunTimers(pi, at(due.plusDays(7)).plusSeconds(60));
            awaitNotification(DemoUsers.SUPERVISOR, pi, "SUPERVISION");
            awaitMail("supervision@demo.luoshi.example", "【督办】节点“" + title + "”");
            awaitMail("haidian@demo.luoshi.example", "【督办】节点“" + title + "”");
        } finally {
            ClockUtil.reset();
        }
        // newest first, each rung once, in order
        List<String> kinds = notificationsOf(DemoUsers.STAFF_HAIDIAN, pi).stream().map(n -> (String) n.get("kind")).toList();
        assertEquals(List.of("SUPERVISION", "URGING", "REMINDER"), kinds);
        assertEquals(0, managementService.createJobQuery().processInstanceId(pi).timers().count(), "the ladder is done");
        // liu.yang (chaoyang) is told nothing about haidian's milestone
        assertEquals(List.of(), notificationsOf(DemoUsers.STAFF_CHAOYANG, pi));
    }

    @Test
    void rungsAlreadyPastWhenTrackingStartsAreSkippedNotFiredAtOnce() {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 3;
        taskService.addTask(taskId, "逾期任务", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, "已逾期节点", LocalDate.now(BEIJING).minusDays(30).toString())));
        String pi = track(taskId);
        await("the skipped rungs pass").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            runDueTimers(pi);
            return managementService.createJobQuery().processInstanceId(pi).timers().count() == 0;
        });
        assertEquals(List.of(), notificationsOf(DemoUsers.STAFF_HAIDIAN, pi));
        assertEquals(List.of(), notificationsOf(DemoUsers.SUPERVISOR, pi));
        assertNotNull(single(DemoUsers.STAFF_HAIDIAN, pi), "the report item is still open");
    }

    @Test
    void theSupervisorChasesTheLeadOfALateMilestoneByHand() throws Exception {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 5;
        String title = "催办" + milestoneId;
        taskService.addTask(taskId, "逾期待催办任务", "haidian", List.of("chaoyang"),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, title, LocalDate.now(BEIJING).minusDays(30).toString())));
        String pi = track(taskId);

        as(DemoUsers.STAFF_HAIDIAN).post("/api/milestone-trackings/" + pi + "/chase").then().statusCode(403);
        as(DemoUsers.SUPERVISOR).post("/api/milestone-trackings/no-such-instance/chase").then().statusCode(404)
                .contentType(PROBLEM);
        as(DemoUsers.SUPERVISOR).post("/api/milestone-trackings/" + pi + "/chase").then().statusCode(200)
                .body("processInstanceId", equalTo(pi)).body("chased", equalTo(List.of("haidian")));

        List<Map<String, Object>> urging = notificationsOf(DemoUsers.STAFF_HAIDIAN, pi);
        assertEquals(List.of("URGING"), urging.stream().map(n -> n.get("kind")).toList());
        // names, not codes: the department's and the person's as people know them
        assertTrue(((String) urging.get(0).get("body")).contains("牵头单位：海淀区\n催办人：陈静"), urging.toString());
        awaitMail("haidian@demo.luoshi.example", "【催办】节点“" + title + "”");
        assertEquals(List.of(), notificationsOf(DemoUsers.STAFF_CHAOYANG, pi), "only the lead is chased");
        assertNotNull(single(DemoUsers.STAFF_HAIDIAN, pi), "chasing completes nothing");

        // from the task page, which knows the milestone, not the process
        as(DemoUsers.STAFF_HAIDIAN).post("/api/milestone-trackings/milestones/" + milestoneId + "/chase").then().statusCode(403);
        as(DemoUsers.SUPERVISOR).post("/api/milestone-trackings/milestones/" + (milestoneId + 7) + "/chase").then()
                .statusCode(404).contentType(PROBLEM);
        as(DemoUsers.SUPERVISOR).post("/api/milestone-trackings/milestones/" + milestoneId + "/chase").then().statusCode(200)
                .body("processInstanceId", equalTo(pi)).body("chased", equalTo(List.of("haidian")));
        // the report form shows what its milestone received: only this milestone's, only the caller's
        List<Map<String, Object>> received = as(DemoUsers.STAFF_HAIDIAN).queryParam("milestoneId", milestoneId)
                .get("/api/notifications").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(List.of("URGING", "URGING"), received.stream().map(n -> n.get("kind")).toList());
        assertTrue(received.stream().allMatch(n -> ((Number) n.get("milestoneId")).longValue() == milestoneId), received.toString());
        assertEquals(0, as(DemoUsers.STAFF_CHAOYANG).queryParam("milestoneId", milestoneId).get("/api/notifications").then()
                .statusCode(200).extract().jsonPath().getInt("total"));
        assertEquals(0, as(DemoUsers.STAFF_HAIDIAN).queryParam("milestoneId", milestoneId + 7).get("/api/notifications").then()
                .statusCode(200).extract().jsonPath().getInt("total"));
        as(DemoUsers.STAFF_HAIDIAN).queryParam("milestoneId", "x").get("/api/notifications").then().statusCode(400);
    }

    @Test
    void aDatesChangedMessageMovesThePendingTimer() {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 4;
        LocalDate due = LocalDate.now(BEIJING).plusDays(20);
        taskService.addTask(taskId, "调整任务", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, "可调整节点", due.toString())));
        String pi = track(taskId);
        assertTimer(pi, "waitReminder", at(due.minusDays(7)));

        LocalDate moved = due.plusDays(30);
        runtimeService.createMessageCorrelation("milestone-dates-changed")
                .processInstanceBusinessKey(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
                .setVariable("taskId", taskId)
                .setVariable("milestoneDueDates", Map.of(String.valueOf(milestoneId), moved.toString(), "999", "2030-01-01"))
                .correlateAll();

        assertTimer(pi, "waitReminder", at(moved.minusDays(7)));
        assertEquals(moved.toString(), runtimeService.getVariable(pi, "dueDate"));
        assertEquals(moved.toString(), item(DemoUsers.STAFF_HAIDIAN, (String) single(DemoUsers.STAFF_HAIDIAN, pi).get("id"))
                .getString("dueDate"));
    }

    @Test
    void onlySupervisorsStartTrackingAndUnknownTasksAnswer404() {
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("taskId", 1))
                .post("/api/milestone-trackings").then().statusCode(403);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of())
                .post("/api/milestone-trackings").then().statusCode(400).body("errors.field", equalTo(List.of("taskId")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", uniqueTaskId()))
                .post("/api/milestone-trackings").then().statusCode(404).contentType(PROBLEM);
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** Waits on the engine's history (GET /api/processes falls back to history too when the instance ends meanwhile). */
    private void awaitEnded(String pi) {
        await("process " + pi + " ends").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count() == 1);
    }

    private String track(long taskId) {
        JsonPath started = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", taskId))
                .when().post("/api/milestone-trackings").then().statusCode(200).extract().jsonPath();
        assertTrue(started.getBoolean("milestones[0].started"));
        return started.getString("milestones[0].processInstanceId");
    }

    private static java.time.Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(9, 0)).atZone(BEIJING).toInstant();
    }

    private void assertTimer(String pi, String activityId, java.time.Instant expected) {
        List<Job> timers = managementService.createJobQuery().processInstanceId(pi).timers().list();
        assertEquals(1, timers.size(), "one pending ladder timer");
        String activity = managementService.createJobDefinitionQuery().jobDefinitionId(timers.get(0).getJobDefinitionId())
                .singleResult().getActivityId();
        assertEquals(activityId, activity);
        assertEquals(Date.from(expected), timers.get(0).getDuedate());
    }

    /** Sets the engine clock and runs the timers then due (the job executor may take some itself). */
    private void moveClockAndRunTimers(String pi, java.time.Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        runDueTimers(pi);
    }

    private void runDueTimers(String pi) {
        Date limit = new Date(ClockUtil.getCurrentTime().getTime() + 1000);
        for (Job job : managementService.createJobQuery().processInstanceId(pi).timers().duedateLowerThan(limit).list()) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException alreadyTaken) {
                // the job executor ran it meanwhile
            }
        }
    }

    private static Map<String, Object> single(String user, String pi) {
        List<Map<String, Object>> items = as(user).queryParam("processInstanceId", pi).get("/api/milestone-items")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(1, items.size(), user + " has one item of " + pi + ": " + items);
        return items.get(0);
    }

    private static Map<String, Object> awaitItem(String user, String pi, Predicate<Map<String, Object>> condition) {
        List<Map<String, Object>> found = new ArrayList<>();
        await(user + "'s next item").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> items = as(user).queryParam("processInstanceId", pi).get("/api/milestone-items")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            found.clear();
            items.stream().filter(condition).forEach(found::add);
            return found.size() == 1;
        });
        return found.get(0);
    }

    private static JsonPath item(String user, String id) {
        return as(user).get("/api/milestone-items/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static List<Map<String, Object>> notificationsOf(String user, String pi) {
        List<Map<String, Object>> items = as(user).queryParam("size", 100).get("/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(n -> pi.equals(n.get("processInstanceId"))).toList();
    }

    private static void awaitNotification(String user, String pi, String kind) {
        await(kind + " for " + user).atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> notificationsOf(user, pi).stream().anyMatch(n -> kind.equals(n.get("kind"))));
    }

    private void awaitMail(String to, String subjectStart) {
        await("mail to " + to + ": " + subjectStart).atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    for (MimeMessage message : mail.getReceivedMessages()) {
                        if (message.getSubject() != null && message.getSubject().startsWith(subjectStart)
                                && java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
                            return true;
                        }
                    }
                    return false;
                });
    }
}
