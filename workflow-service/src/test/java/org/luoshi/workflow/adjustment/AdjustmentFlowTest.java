package org.luoshi.workflow.adjustment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.awaitInboxItem;
import static org.luoshi.workflow.WorkflowApi.inboxItemOf;
import static org.luoshi.workflow.WorkflowApi.inboxItemsOf;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;
import org.luoshi.workflow.WorkflowApi;
import org.luoshi.workflow.milestone.MilestoneServiceStub;
import org.luoshi.workflow.milestone.MilestoneTestResources;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** 动态调整 end to end with real tokens and the task-service stub: request, 督查室审核, 领导审批, applied, timers moved. */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class AdjustmentFlowTest {
    private static final String PROBLEM = "application/problem+json";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @Inject
    ManagementService managementService;

    @Inject
    RuntimeService runtimeService;

    @Inject
    HistoryService historyService;

    @Test
    void whatTaskServiceWouldRefuseIsAnswered400NamingTheFieldAtTheRequestAndAtTheApproval() {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 1;
        taskService.addTask(taskId, "建设怀柔综合性国家科学中心", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, "完成设施验收", LocalDate.now(BEIJING).plusDays(20).toString())));
        Map<String, Object> request = Map.of("taskId", taskId, "reasonCategory", "RESOURCE_CHANGE",
                "justification", "设备到货延迟，需顺延验收", "newDueDate", LocalDate.now(BEIJING).plusDays(90).toString());
        String field = "milestoneDueDates." + milestoneId;
        taskService.refuseAdjustments(taskId, field);
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(request).post("/api/adjustments")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(field));
        assertEquals(0, runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("adjustment-" + taskId + "-%")
                .count(), "nothing started");

        // taken; then the task changes while the request is reviewed: the approval is refused now, the item stays open
        taskService.acceptAdjustments(taskId);
        String pi = as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(request).post("/api/adjustments")
                .then().statusCode(201).extract().path("processInstanceId");
        Map<String, Object> review = awaitInboxItem(DemoUsers.SUPERVISOR, pi, "reviewAdjustment");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + review.get("id") + "/decision").then().statusCode(200);
        Map<String, Object> approval = awaitInboxItem(DemoUsers.ADMIN, pi, "approveAdjustment");
        taskService.refuseAdjustments(taskId, field);
        as(DemoUsers.ADMIN).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + approval.get("id") + "/decision")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo(field));
        assertEquals(approval.get("id"), awaitInboxItem(DemoUsers.ADMIN, pi, "approveAdjustment").get("id"));
        assertEquals(0, taskService.adjustmentPuts(pi + ":applyAdjustment").size());
    }

    @Test
    void leadRequestsSupervisorReviewsAdminApprovesTaskServiceAppliesOnceAndTheLadderMoves() throws Exception {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 1;
        LocalDate due = LocalDate.now(BEIJING).plusDays(20);
        taskService.addTask(taskId, "建设怀柔综合性国家科学中心", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, "完成设施验收", due.toString())));
        String milestonePi = track(taskId);
        assertTimer(milestonePi, "waitReminder", at(due.minusDays(7)));

        LocalDate moved = due.plusDays(30);
        JsonPath started = as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "reasonCategory", "RESOURCE_CHANGE", "justification", "设备到货延迟，需顺延验收",
                        "milestoneDueDates", Map.of(String.valueOf(milestoneId), moved.toString())))
                .post("/api/adjustments").then().statusCode(201)
                .header("Location", containsString("/api/processes/")).extract().jsonPath();
        String pi = started.getString("processInstanceId");
        assertTrue(started.getString("businessKey").startsWith("adjustment-" + taskId + "-"));
        assertEquals("haidian", started.getString("leadDepartmentCode"));

        // 督查室审核: the supervisor's inbox holds it; the item shows the request
        Map<String, Object> review = awaitInboxItem(DemoUsers.SUPERVISOR, pi, "reviewAdjustment");
        assertEquals("督查室审核", review.get("name"));
        assertEquals(null, inboxItemOf(DemoUsers.ADMIN, pi), "the leadership sees nothing before the review");
        JsonPath reviewView = as(DemoUsers.SUPERVISOR).get("/api/adjustment-items/" + review.get("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("设备到货延迟，需顺延验收", reviewView.getString("justification"));
        assertEquals(moved.toString(), reviewView.getString("milestoneDueDates." + milestoneId));
        // the card: the milestone by its title, old and new date side by side, who asked, for which department, when
        assertEquals(1, reviewView.getList("changes").size());
        assertEquals("MILESTONE_DUE_DATE", reviewView.getString("changes[0].field"));
        assertEquals(milestoneId, reviewView.getLong("changes[0].milestoneId"));
        assertEquals("完成设施验收", reviewView.getString("changes[0].label"));
        assertEquals(due.toString(), reviewView.getString("changes[0].before"));
        assertEquals(moved.toString(), reviewView.getString("changes[0].after"));
        assertEquals("李娜", reviewView.getString("requestedByName"));
        assertEquals("海淀区", reviewView.getString("departmentName"));
        assertNotNull(reviewView.getString("requestedAt"));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + review.get("id") + "/decision").then().statusCode(403);
        // one way per kind: the generic inbox completion refuses and names the endpoint
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post("/api/inbox/" + review.get("id") + "/complete").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("/api/adjustment-items/{id}/decision"));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE", "comment", "理由充分"))
                .post("/api/adjustment-items/" + review.get("id") + "/decision").then().statusCode(200)
                .body("kind", equalTo("REVIEW")).body("decision", equalTo("APPROVE"));

        // 领导审批 (role:admin)
        Map<String, Object> approval = awaitInboxItem(DemoUsers.ADMIN, pi, "approveAdjustment");
        assertEquals("领导审批", approval.get("name"));
        as(DemoUsers.ADMIN).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + approval.get("id") + "/decision").then().statusCode(200)
                .body("kind", equalTo("APPROVAL"));

        // polled through the API while the job ends the instance: never a 500
        JsonPath state = WorkflowApi.awaitProcess(pi, "the adjustment is applied", s -> s.getBoolean("ended"));
        assertEquals("adjustmentApplied", state.getString("endActivityId"));
        assertEquals(1, state.getInt("variables.revision"));
        assertEquals(DemoUsers.STAFF_HAIDIAN, state.getString("startedBy"));

        // task-service got exactly one PUT with the key, the body and the service account's token
        String key = pi + ":applyAdjustment";
        List<MilestoneServiceStub.Recorded> puts = taskService.adjustmentPuts(key);
        assertEquals(1, puts.size(), "one PUT /api/adjustments/" + key);
        JsonNode body = puts.get(0).json();
        assertEquals(taskId, body.path("taskId").asLong());
        assertEquals("RESOURCE_CHANGE", body.path("reasonCategory").asText());
        assertEquals("设备到货延迟，需顺延验收", body.path("justification").asText());
        assertEquals(DemoUsers.STAFF_HAIDIAN, body.path("requestedBy").asText());
        assertEquals(DemoUsers.SUPERVISOR, body.path("reviewedBy").asText());
        assertEquals(DemoUsers.ADMIN, body.path("approvedBy").asText());
        assertEquals(moved.toString(), body.path("milestoneDueDates").path(String.valueOf(milestoneId)).asText());
        assertTrue(body.path("newDueDate").isNull() && body.path("newLeadDepartmentCode").isNull() && body.path("newTitle").isNull(),
                body.toString());
        assertEquals("service-account-luoshi-workflow",
                KeycloakTokens.claims(puts.get(0).bearerToken()).path("preferred_username").asText());

        // the running milestone-reporting instance moved its pending timer
        assertEquals(moved.toString(), runtimeService.getVariable(milestonePi, "dueDate"));
        assertTimer(milestonePi, "waitReminder", at(moved.minusDays(7)));
    }

    @Test
    void aNewLeadDepartmentTakesOverTheRunningTrackingAndAMovedMilestoneMovesItsOpenItems() {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 1;
        LocalDate due = LocalDate.now(BEIJING).plusDays(20);
        taskService.addTask(taskId, "建设未来科学城", "haidian", List.of("chaoyang"),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, "完成规划", due.toString())));
        String milestonePi = track(taskId);
        Map<String, Object> item = awaitInboxItem(DemoUsers.STAFF_HAIDIAN, milestonePi, "submitReport");
        as(DemoUsers.STAFF_HAIDIAN).post("/api/inbox/" + item.get("id") + "/claim").then().statusCode(200);

        LocalDate moved = due.plusDays(45);
        String pi = as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "reasonCategory", "POLICY_CHANGE", "justification", "职能划转至朝阳区",
                        "newLeadDepartmentCode", "chaoyang",
                        "milestoneDueDates", Map.of(String.valueOf(milestoneId), moved.toString())))
                .post("/api/adjustments").then().statusCode(201).extract().jsonPath().getString("processInstanceId");
        approveAndAwaitApplied(pi);

        assertEquals("chaoyang", runtimeService.getVariable(milestonePi, "leadDepartmentCode"));
        assertEquals(null, runtimeService.getVariable(milestonePi, "departmentCode"), "the lead is stored once");
        assertEquals(List.of(), runtimeService.getVariable(milestonePi, "coDepartmentCodes"));
        List<Map<String, Object>> chaoyangItems = inboxItemsOf(DemoUsers.STAFF_CHAOYANG, milestonePi);
        assertEquals(List.of("submitReport"), chaoyangItems.stream().map(i -> i.get("activityId")).toList(),
                "the new lead holds the 牵头单位填报 item, and no longer its own 配合单位报送 one");
        Map<String, Object> moved0 = chaoyangItems.get(0);
        assertEquals(item.get("id"), moved0.get("id"));
        assertEquals("chaoyang", moved0.get("departmentCode"));
        assertEquals(List.of("chaoyang"), moved0.get("candidateGroups"));
        assertEquals(null, moved0.get("assignee"), "the old lead's claim is released");
        assertEquals(new DueDateBusinessCalendar().resolveDuedate(moved.toString()).toInstant(),
                Instant.parse((String) moved0.get("due")), "due when the milestone now is");
        assertTrue(inboxItemsOf(DemoUsers.STAFF_HAIDIAN, milestonePi).isEmpty(), "nothing left with the old lead");
        assertTimer(milestonePi, "waitReminder", at(moved.minusDays(7)));
        // the closed sub-report item records nothing: task-service would refuse a SUB report of the lead
        await("the closed sub-report step has run").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> managementService.createJobQuery().processInstanceId(milestonePi).activityId("recordSubReport")
                        .count() == 0);
        assertEquals(0, runtimeService.createIncidentQuery().processInstanceId(milestonePi).count(), "no incident");
        assertEquals(List.of(), taskService.reportPuts(milestoneId));
    }

    @Test
    void aTaskDueDateChangeMovesTheTimersOfMilestonesWhoseDatesTaskServiceMovedWithIt() {
        long taskId = uniqueTaskId();
        long first = taskId * 10 + 1;
        long second = taskId * 10 + 2;
        LocalDate due = LocalDate.now(BEIJING).plusDays(20);
        taskService.addTask(taskId, "建设中关村科学城", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(first, 1, "启动", due.toString()),
                        MilestoneServiceStub.milestone(second, 2, "完成", due.plusDays(10).toString())));
        JsonPath tracked = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", taskId))
                .when().post("/api/milestone-trackings").then().statusCode(200).extract().jsonPath();
        String firstPi = tracked.getString("milestones.find { it.milestoneId == " + first + " }.processInstanceId");
        String secondPi = tracked.getString("milestones.find { it.milestoneId == " + second + " }.processInstanceId");
        // task-service's answer: the task's new due date brought its last milestone along
        LocalDate newTaskDue = due.plusDays(60);
        Map<String, Object> after = new HashMap<>(taskService.task(taskId));
        after.put("dueDate", newTaskDue.toString());
        after.put("milestones", List.of(MilestoneServiceStub.milestone(first, 1, "启动", due.toString()),
                MilestoneServiceStub.milestone(second, 2, "完成", newTaskDue.toString())));
        taskService.afterAdjustment(taskId, after);

        String pi = as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "reasonCategory", "RESOURCE_CHANGE", "justification", "经费延后到位",
                        "newDueDate", newTaskDue.toString()))
                .post("/api/adjustments").then().statusCode(201).extract().jsonPath().getString("processInstanceId");
        approveAndAwaitApplied(pi);

        assertEquals(newTaskDue.toString(), runtimeService.getVariable(secondPi, "dueDate"));
        assertTimer(secondPi, "waitReminder", at(newTaskDue.minusDays(7)));
        assertEquals(due.toString(), runtimeService.getVariable(firstPi, "dueDate"), "the first milestone kept its date");
        assertTimer(firstPi, "waitReminder", at(due.minusDays(7)));
    }

    @Test
    void rejectedAtReviewEndsWithTheCommentAndTellsTheRequester() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "优化创新生态", "haidian", List.of(), List.of());
        String pi = as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "reasonCategory", "SCOPE_CHANGE", "justification", "任务名称需与新政策一致",
                        "newTitle", "优化创新生态（修订）"))
                .post("/api/adjustments").then().statusCode(201).extract().jsonPath().getString("processInstanceId");
        Map<String, Object> review = awaitInboxItem(DemoUsers.SUPERVISOR, pi, "reviewAdjustment");
        String decision = "/api/adjustment-items/" + review.get("id") + "/decision";
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "REJECT"))
                .post(decision).then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("comment")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "MAYBE"))
                .post(decision).then().statusCode(400).contentType(PROBLEM);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "comment", "依据不足，请补充政策文件"))
                .post(decision).then().statusCode(200).body("decision", equalTo("REJECT"));

        JsonPath state = WorkflowApi.awaitProcess(pi, "the rejection ends the request", s -> s.getBoolean("ended"));
        assertEquals("adjustmentRejected", state.getString("endActivityId"));
        assertEquals("依据不足，请补充政策文件", state.getString("variables.rejectionComment"));
        assertEquals(DemoUsers.SUPERVISOR, state.getString("variables.rejectedBy"));
        assertEquals(List.of(), taskService.adjustmentPuts(pi + ":applyAdjustment"), "nothing applied");
        assertEquals(null, inboxItemOf(DemoUsers.ADMIN, pi), "the leadership never saw it");

        List<Map<String, Object>> notes = as(DemoUsers.STAFF_HAIDIAN).queryParam("size", 100).get("/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
        Map<String, Object> note = notes.stream().filter(n -> pi.equals(n.get("processInstanceId"))
                && "USER".equals(n.get("recipientType"))).findFirst().orElse(null);
        assertNotNull(note, "li.na is told: " + notes);
        assertEquals("ADJUSTMENT_REJECTED", note.get("kind"));
        assertTrue(((String) note.get("body")).contains("依据不足，请补充政策文件"), (String) note.get("body"));
    }

    @Test
    void rejectedByTheLeadershipAfterReview() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "引进国际科技组织", "haidian", List.of(), List.of());
        String pi = as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "reasonCategory", "POLICY_CHANGE", "justification", "职能调整",
                        "newLeadDepartmentCode", "chaoyang"))
                .post("/api/adjustments").then().statusCode(201).extract().jsonPath().getString("processInstanceId");
        Map<String, Object> review = awaitInboxItem(DemoUsers.SUPERVISOR, pi, "reviewAdjustment");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + review.get("id") + "/decision").then().statusCode(200);
        Map<String, Object> approval = awaitInboxItem(DemoUsers.ADMIN, pi, "approveAdjustment");
        // 领导审批 is the admin role's to decide: a supervisor's role is wrong for it
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + approval.get("id") + "/decision").then().statusCode(403);
        as(DemoUsers.ADMIN).contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "comment", "暂不调整牵头单位"))
                .post("/api/adjustment-items/" + approval.get("id") + "/decision").then().statusCode(200);
        JsonPath state = WorkflowApi.awaitProcess(pi, "rejected by the leadership", s -> s.getBoolean("ended"));
        assertEquals("adjustmentRejected", state.getString("endActivityId"));
        assertEquals(DemoUsers.ADMIN, state.getString("variables.rejectedBy"));
        assertEquals(List.of(), taskService.adjustmentPuts(pi + ":applyAdjustment"));
    }

    @Test
    void validationNamesFieldsAndOtherDepartmentsGet404() {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 1;
        taskService.addTask(taskId, "校验任务", "haidian", List.of("chaoyang"),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, "节点", "2027-06-30")));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of())
                .post("/api/adjustments").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("taskId", "reasonCategory", "justification"));
        Map<String, Object> valid = new HashMap<>(Map.of("taskId", taskId, "reasonCategory", "OTHER", "justification", "理由"));
        expect400(with(valid, "reasonCategory", "WEATHER"), "reasonCategory");
        expect400(with(valid, "justification", "长".repeat(2001)), "justification");
        expect400(valid, "changes");
        expect400(with(valid, "newDueDate", "2027-02-30"), "newDueDate");
        expect400(with(valid, "newDueDate", "next year"), "newDueDate");
        expect400(with(valid, "newLeadDepartmentCode", "Not A Code"), "newLeadDepartmentCode");
        expect400(with(valid, "milestoneDueDates", Map.of("999", "2027-07-01")), "milestoneDueDates");
        expect400(with(valid, "milestoneDueDates", Map.of(String.valueOf(milestoneId), "July")), "milestoneDueDates");

        Map<String, Object> ok = with(valid, "newDueDate", "2028-06-30");
        // chaoyang is only a co-department: the task is not its to adjust
        as(DemoUsers.STAFF_CHAOYANG).contentType(ContentType.JSON).body(ok)
                .post("/api/adjustments").then().statusCode(404).contentType(PROBLEM);
        as(DemoUsers.EVALUATOR).contentType(ContentType.JSON).body(ok)
                .post("/api/adjustments").then().statusCode(403);
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(with(ok, "taskId", uniqueTaskId()))
                .post("/api/adjustments").then().statusCode(404);
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(ok)
                .post("/api/adjustments").then().statusCode(201);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static void expect400(Map<String, Object> body, String field) {
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(body)
                .post("/api/adjustments").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of(field)));
    }

    private static String track(long taskId) {
        JsonPath started = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", taskId))
                .when().post("/api/milestone-trackings").then().statusCode(200).extract().jsonPath();
        assertTrue(started.getBoolean("milestones[0].started"));
        return started.getString("milestones[0].processInstanceId");
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(9, 0)).atZone(BEIJING).toInstant();
    }

    private void assertTimer(String pi, String activityId, Instant expected) {
        List<Job> timers = managementService.createJobQuery().processInstanceId(pi).timers().list();
        assertEquals(1, timers.size(), "one pending ladder timer");
        assertEquals(activityId, managementService.createJobDefinitionQuery().jobDefinitionId(timers.get(0).getJobDefinitionId())
                .singleResult().getActivityId());
        assertEquals(Date.from(expected), timers.get(0).getDuedate());
    }

    /** 督查室审核 and 领导审批 both approve; the process ends once task-service has applied the adjustment. */
    private static void approveAndAwaitApplied(String pi) {
        Map<String, Object> review = awaitInboxItem(DemoUsers.SUPERVISOR, pi, "reviewAdjustment");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + review.get("id") + "/decision").then().statusCode(200);
        Map<String, Object> approval = awaitInboxItem(DemoUsers.ADMIN, pi, "approveAdjustment");
        as(DemoUsers.ADMIN).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/adjustment-items/" + approval.get("id") + "/decision").then().statusCode(200);
        WorkflowApi.awaitProcess(pi, "the adjustment is applied", s -> s.getBoolean("ended"));
    }
}
