package org.luoshi.workflow.inbox;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.assign;
import static org.luoshi.workflow.WorkflowApi.awaitProcess;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;
import static org.luoshi.workflow.inbox.InboxApi.PROBLEM;
import static org.luoshi.workflow.inbox.InboxApi.complete;
import static org.luoshi.workflow.inbox.InboxApi.itemIdOf;
import static org.luoshi.workflow.inbox.InboxApi.itemOf;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.WorkflowApi;
import org.luoshi.workflow.stub.InjectTaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The return loop of 任务交办, the inbox read model, claim/unclaim/delegate/comments/history and bulk actions. */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class ReturnLoopAndInboxActionsTest {

    @InjectTaskServiceStub
    TaskServiceStub taskService;

    @Inject
    RuntimeService runtimeService;

    @Inject
    DataSource dataSource;

    record Assigned(long taskId, String processInstanceId, String businessKey) {
    }

    private Assigned assignTo(String department, String title) {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, title);
        JsonPath created = assign(taskId, department);
        return new Assigned(taskId, created.getString("processInstanceId"), created.getString("businessKey"));
    }

    /** haidian returns the task; returns the supervisor's reviewReturn item id. */
    private String returnedByHaidian(Assigned a, String reason) {
        String item = itemIdOf(DemoUsers.STAFF_HAIDIAN, a.processInstanceId(), a.businessKey());
        complete(DemoUsers.STAFF_HAIDIAN, item, Map.of("decision", "RETURN", "reason", reason));
        Map<String, Object> review = itemOf(DemoUsers.SUPERVISOR, a.processInstanceId(), a.businessKey());
        assertNotNull(review, "the supervision office gets the returned task");
        assertEquals("reviewReturn", review.get("activityId"));
        assertEquals("督查室处理退回", review.get("name"));
        assertEquals(List.of("role:supervisor"), review.get("candidateGroups"));
        return (String) review.get("id");
    }

    @Test
    void haidianReturnsSupervisorReassignsToChaoyangWhoAcceptsAndTaskServiceHearsOnceForChaoyang() {
        Assigned a = assignTo("haidian", "建设朝阳国际科技合作区");
        String review = returnedByHaidian(a, "该任务位于朝阳区");
        assertNull(itemOf(DemoUsers.STAFF_HAIDIAN, a.processInstanceId(), a.businessKey()), "haidian's item is done");

        complete(DemoUsers.SUPERVISOR, review, Map.of("decision", "REASSIGN", "departmentCode", "chaoyang"));
        assertNull(itemOf(DemoUsers.STAFF_HAIDIAN, a.processInstanceId(), a.businessKey()));
        // task-service hears of the reassignment before chaoyang is asked to accept
        Map<String, Object> chaoyang = WorkflowApi.awaitInboxItem(DemoUsers.STAFF_CHAOYANG, a.processInstanceId(), "acceptTask");
        List<TaskServiceStub.RecordedRequest> reassignments = taskService.requests("PUT", "/api/tasks/" + a.taskId() + "/reassignment");
        assertEquals(1, reassignments.size(), "exactly one PUT .../reassignment");
        assertEquals(a.processInstanceId() + ":reassign:1", reassignments.get(0).idempotencyKey());
        assertEquals("chaoyang", JsonPath.from(reassignments.get(0).body()).getString("departmentCode"));
        assertEquals(DemoUsers.SUPERVISOR, JsonPath.from(reassignments.get(0).body()).getString("by"));
        assertEquals("acceptTask", chaoyang.get("activityId"));
        assertEquals("chaoyang", chaoyang.get("departmentCode"));
        as(DemoUsers.STAFF_HAIDIAN).when().get("/api/inbox/" + chaoyang.get("id")).then().statusCode(404).contentType(PROBLEM);

        complete(DemoUsers.STAFF_CHAOYANG, (String) chaoyang.get("id"), Map.of("decision", "ACCEPT"));
        JsonPath state = awaitProcess(a.processInstanceId(), "accepted by chaoyang", s -> s.getBoolean("ended"));
        assertEquals("taskAccepted", state.getString("endActivityId"));
        assertEquals("chaoyang", state.getString("variables.departmentCode"));
        assertEquals("REASSIGN", state.getString("variables.returnDecision"));
        assertEquals("该任务位于朝阳区", state.getString("variables.returnReason"));

        List<TaskServiceStub.RecordedRequest> acceptances = taskService.acceptanceRequests(a.taskId());
        assertEquals(1, acceptances.size(), "exactly one PUT .../acceptance");
        JsonPath sent = JsonPath.from(acceptances.get(0).body());
        assertEquals("chaoyang", sent.getString("departmentCode"));
        assertEquals(DemoUsers.STAFF_CHAOYANG, sent.getString("acceptedBy"));
    }

    @Test
    void aReassignmentTaskServiceRefusesGoesBackToTheSupervisorWithTheReasonInsteadOfAnIncident() {
        Assigned a = assignTo("haidian", "改派被拒");
        String review = returnedByHaidian(a, "不属于本区");
        taskService.failReturnDecision(a.taskId(), 409);
        complete(DemoUsers.SUPERVISOR, review, Map.of("decision", "REASSIGN", "departmentCode", "chaoyang"));
        JsonPath state = awaitProcess(a.processInstanceId(), "back at 督查室处理退回",
                s -> s.getList("activeActivityIds").contains("reviewReturn") && s.getString("variables.recordRefusal") != null);
        assertTrue(state.getString("variables.recordRefusal").contains("not waiting to be accepted"), state.prettify());
        assertEquals(1, taskService.requests("PUT", "/api/tasks/" + a.taskId() + "/reassignment").size(), "not retried");
        assertEquals(0, WorkflowApi.incidentsOf(a.processInstanceId()).getList("items").size(), "no incident");
        assertNull(itemOf(DemoUsers.STAFF_CHAOYANG, a.processInstanceId(), a.businessKey()), "chaoyang is not asked");
        // the supervisor decides again, now that task-service would take it: the instance does not stay open
        taskService.recordReturnDecisionsNormally(a.taskId());
        complete(DemoUsers.SUPERVISOR, itemIdOf(DemoUsers.SUPERVISOR, a.processInstanceId(), a.businessKey()),
                Map.of("decision", "WITHDRAW", "note", "测试结束"));
        awaitProcess(a.processInstanceId(), "withdrawn", s -> s.getBoolean("ended"));
    }

    @Test
    void amendSendsTheTaskBackToTheSameDepartmentAndWithdrawEndsIt() {
        Assigned a = assignTo("haidian", "完善区域创新政策");
        String review = returnedByHaidian(a, "任务描述不清");
        complete(DemoUsers.SUPERVISOR, review, Map.of("decision", "AMEND", "note", "已补充任务说明"));
        Map<String, Object> again = itemOf(DemoUsers.STAFF_HAIDIAN, a.processInstanceId(), a.businessKey());
        assertNotNull(again, "back in haidian's inbox");
        assertEquals("haidian", again.get("departmentCode"));
        assertEquals("已补充任务说明", WorkflowApi.processState(a.processInstanceId()).getString("variables.returnNote"));

        complete(DemoUsers.STAFF_HAIDIAN, (String) again.get("id"), Map.of("decision", "RETURN", "reason", "仍不属于本区职责"));
        String second = itemIdOf(DemoUsers.SUPERVISOR, a.processInstanceId(), a.businessKey());
        complete(DemoUsers.SUPERVISOR, second, Map.of("decision", "WITHDRAW", "note", "任务取消"));
        JsonPath state = awaitProcess(a.processInstanceId(), "withdrawn", s -> s.getBoolean("ended"));
        assertEquals("assignmentWithdrawn", state.getString("endActivityId"));
        // task-service no longer has the task assigned to haidian
        List<TaskServiceStub.RecordedRequest> withdrawals = taskService.requests("PUT", "/api/tasks/" + a.taskId() + "/withdrawal");
        assertEquals(1, withdrawals.size(), "exactly one PUT .../withdrawal");
        assertEquals(a.processInstanceId() + ":recordWithdrawal", withdrawals.get(0).idempotencyKey());
        assertEquals("任务取消", JsonPath.from(withdrawals.get(0).body()).getString("note"));
    }

    @Test
    void reviewFormsAreValidatedNamingTheField() {
        Assigned a = assignTo("haidian", "校验退回处理表单");
        String review = returnedByHaidian(a, "测试");
        String url = "/api/inbox/" + review + "/complete";
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "REASSIGN"))
                .when().post(url).then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("departmentCode")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "REASSIGN", "departmentCode", "Chao Yang"))
                .when().post(url).then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("departmentCode")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "AMEND"))
                .when().post(url).then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("note")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post(url).then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("decision")));
        // the department's form does not take the supervisor's decisions either
        Assigned b = assignTo("haidian", "校验接收表单");
        String accept = itemIdOf(DemoUsers.STAFF_HAIDIAN, b.processInstanceId(), b.businessKey());
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "WITHDRAW", "note", "x"))
                .when().post("/api/inbox/" + accept + "/complete").then().statusCode(400).body("errors.field", equalTo(List.of("decision")));
        // nothing changed; clean up
        assertEquals(List.of("reviewReturn"), WorkflowApi.processState(a.processInstanceId()).getList("activeActivityIds"));
        complete(DemoUsers.SUPERVISOR, review, Map.of("decision", "WITHDRAW", "note", "测试结束"));
        complete(DemoUsers.STAFF_HAIDIAN, accept, Map.of("decision", "ACCEPT"));
    }

    @Test
    void claimUnclaimDelegateCommentAndHistory() {
        Assigned a = assignTo("haidian", "认领与转办");
        String item = itemIdOf(DemoUsers.STAFF_HAIDIAN, a.processInstanceId(), a.businessKey());
        String base = "/api/inbox/" + item;

        // another department: 404 for everything
        as(DemoUsers.STAFF_CHAOYANG).when().post(base + "/claim").then().statusCode(404).contentType(PROBLEM);
        as(DemoUsers.STAFF_CHAOYANG).when().get(base + "/history").then().statusCode(404).contentType(PROBLEM);
        as(DemoUsers.STAFF_CHAOYANG).contentType(ContentType.JSON).body(Map.of("text", "看看"))
                .when().post(base + "/comments").then().statusCode(404);

        as(DemoUsers.STAFF_HAIDIAN).when().post(base + "/claim")
                .then().statusCode(200).body("assignee", equalTo(DemoUsers.STAFF_HAIDIAN)).body("delegatedBy", nullValue());
        // the supervisor is no candidate of acceptTask: another caller's claim would be 404 here; a holder's second claim is fine
        as(DemoUsers.STAFF_HAIDIAN).when().post(base + "/claim").then().statusCode(200);
        as(DemoUsers.SUPERVISOR).when().post(base + "/unclaim").then().statusCode(200).body("assignee", nullValue());
        as(DemoUsers.STAFF_HAIDIAN).when().post(base + "/claim").then().statusCode(200);

        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("text", ""))
                .when().post(base + "/comments").then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("text")));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("text", "x".repeat(2001)))
                .when().post(base + "/comments").then().statusCode(400).body("errors.field", equalTo(List.of("text")));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("text", "请王丽负责"))
                .when().post(base + "/comments").then().statusCode(201).body("author", equalTo(DemoUsers.STAFF_HAIDIAN))
                .body("text", equalTo("请王丽负责"));

        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("to", "Not A User"))
                .when().post(base + "/delegate").then().statusCode(400).body("errors.field", equalTo(List.of("to")));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("to", "wang.li"))
                .when().post(base + "/delegate")
                .then().statusCode(200).body("assignee", equalTo("wang.li")).body("delegatedBy", equalTo(DemoUsers.STAFF_HAIDIAN));
        // now held by wang.li: li.na can no longer claim or delegate it
        as(DemoUsers.STAFF_HAIDIAN).when().post(base + "/claim").then().statusCode(409).contentType(PROBLEM);
        as(DemoUsers.STAFF_HAIDIAN).when().post(base + "/unclaim").then().statusCode(409).contentType(PROBLEM);
        Map<String, Object> listed = itemOf(DemoUsers.STAFF_HAIDIAN, a.processInstanceId(), a.businessKey());
        assertEquals("wang.li", listed.get("assignee"));
        assertEquals(DemoUsers.STAFF_HAIDIAN, listed.get("delegatedBy"));
        // a completion by someone other than the holder is refused
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post(base + "/complete").then().statusCode(409);
        // the supervisor takes it back for the department, li.na accepts
        as(DemoUsers.SUPERVISOR).when().post(base + "/unclaim").then().statusCode(200);
        complete(DemoUsers.STAFF_HAIDIAN, item, Map.of("decision", "ACCEPT"));

        JsonPath history = as(DemoUsers.STAFF_HAIDIAN).when().get(base + "/history").then().statusCode(200).extract().jsonPath();
        List<String> actions = history.getList("action");
        assertEquals(List.of("created", "claimed", "unclaimed", "claimed", "commented", "delegated", "unclaimed", "claimed",
                "completed"), actions);
        assertEquals(DemoUsers.SUPERVISOR, history.getString("actor[2]"));
        assertEquals("wang.li", history.getString("detail[5]"));
        assertEquals("请王丽负责", history.getString("detail[4]"));
        assertEquals(DemoUsers.STAFF_HAIDIAN, history.getString("actor[8]"));
        as(DemoUsers.STAFF_CHAOYANG).when().get(base + "/history").then().statusCode(404);
    }

    @Test
    void bulkReassignAppliesItemByItem() {
        Assigned a = assignTo("haidian", "批量改派一");
        Assigned b = assignTo("haidian", "批量改派二");
        Assigned c = assignTo("haidian", "批量改派三");
        String ra = returnedByHaidian(a, "退回一");
        String rb = returnedByHaidian(b, "退回二");
        String rc = returnedByHaidian(c, "退回三");
        complete(DemoUsers.SUPERVISOR, rb, Map.of("decision", "WITHDRAW", "note", "已撤回"));
        Assigned d = assignTo("haidian", "不是退回任务");
        String notAReview = itemIdOf(DemoUsers.STAFF_HAIDIAN, d.processInstanceId(), d.businessKey());

        // request-level validation names the field
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("action", "REASSIGN", "itemIds", List.of(ra)))
                .when().post("/api/inbox/bulk").then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("toDepartment")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("action", "REASSIGN", "itemIds", List.of()))
                .when().post("/api/inbox/bulk").then().statusCode(400).body("errors.field", equalTo(List.of("itemIds")));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("action", "REASSIGN", "itemIds", List.of(ra), "toDepartment", "eit"))
                .when().post("/api/inbox/bulk").then().statusCode(403);

        JsonPath results = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("action", "REASSIGN", "itemIds", List.of(ra, rb, rc, "no-such-item"), "toDepartment", "stc-zgc",
                        "comment", "统一改由市科委牵头"))
                .when().post("/api/inbox/bulk").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(ra, rb, rc, "no-such-item"), results.getList("id"));
        assertEquals(List.of(true, false, true, false), results.getList("ok"));
        assertEquals(List.of(200, 409, 200, 404), results.getList("status"));
        assertEquals(409, results.getInt("[1].problem.status"));
        assertEquals("https://luoshi.org/problems/not-found", results.getString("[3].problem.type"));
        assertNull(results.get("[0].problem"));

        for (Assigned done : List.of(a, c)) {
            Map<String, Object> stc = WorkflowApi.awaitInboxItem(DemoUsers.STAFF_STC, done.processInstanceId(), "acceptTask");
            assertEquals(1, taskService.requests("PUT", "/api/tasks/" + done.taskId() + "/reassignment").size());
            assertEquals("stc-zgc", stc.get("departmentCode"));
            complete(DemoUsers.STAFF_STC, (String) stc.get("id"), Map.of("decision", "RETURN", "reason", "清理"));
            complete(DemoUsers.SUPERVISOR, itemIdOf(DemoUsers.SUPERVISOR, done.processInstanceId(), done.businessKey()),
                    Map.of("decision", "WITHDRAW", "note", "测试结束"));
            awaitProcess(done.processInstanceId(), "withdrawn", s -> s.getBoolean("ended"));
        }

        // wrong kind of task: APPROVE applies to review tasks only; a department's item is not even the supervisor's
        JsonPath wrongKind = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("action", "APPROVE", "itemIds", List.of(ra, notAReview)))
                .when().post("/api/inbox/bulk").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(false, false), wrongKind.getList("ok"));
        assertEquals(List.of(409, 404), wrongKind.getList("status"));
        complete(DemoUsers.STAFF_HAIDIAN, notAReview, Map.of("decision", "ACCEPT"));
    }

    @Test
    void readModelFollowsCompletionAndDeletionOfTheProcess() throws Exception {
        Assigned a = assignTo("haidian", "读模型同步");
        String item = itemIdOf(DemoUsers.STAFF_HAIDIAN, a.processInstanceId(), a.businessKey());
        assertEquals("OPEN", statusOf(item));
        complete(DemoUsers.STAFF_HAIDIAN, item, Map.of("decision", "RETURN", "reason", "同步测试"));
        assertEquals("COMPLETED", statusOf(item));
        String review = itemIdOf(DemoUsers.SUPERVISOR, a.processInstanceId(), a.businessKey());
        assertEquals("OPEN", statusOf(review));

        runtimeService.deleteProcessInstance(a.processInstanceId(), "测试删除");
        assertEquals("DELETED", statusOf(review));
        assertNull(itemOf(DemoUsers.SUPERVISOR, a.processInstanceId(), a.businessKey()));
        as(DemoUsers.SUPERVISOR).when().get("/api/inbox/" + review).then().statusCode(404);
        JsonPath history = as(DemoUsers.SUPERVISOR).when().get("/api/inbox/" + review + "/history")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("created", "deleted"), history.getList("action"));
        assertEquals("测试删除", history.getString("detail[1]"));
    }

    @Test
    void inboxFiltersAndCountsWork() {
        Assigned a = assignTo("chaoyang", "筛选测试任务");
        JsonPath inbox = as(DemoUsers.STAFF_CHAOYANG).queryParam("text", "筛选测试").queryParam("processKey", "task-assignment")
                .when().get("/api/inbox").then().statusCode(200).extract().jsonPath();
        assertTrue(inbox.getList("items.processInstanceId").contains(a.processInstanceId()));
        assertTrue(inbox.getLong("total") >= 1);
        assertNotNull(inbox.get("overdue"));
        // no due date: not overdue, and outside any due window
        JsonPath overdue = as(DemoUsers.STAFF_CHAOYANG).queryParam("text", a.businessKey()).queryParam("overdue", true)
                .when().get("/api/inbox").then().statusCode(200).extract().jsonPath();
        assertEquals(0, overdue.getLong("total"));
        as(DemoUsers.STAFF_CHAOYANG).queryParam("text", a.businessKey()).queryParam("dueFrom", "2020-01-01T00:00:00Z")
                .when().get("/api/inbox").then().statusCode(200).body("total", equalTo(0));
        as(DemoUsers.STAFF_CHAOYANG).queryParam("dueFrom", "not-a-date").when().get("/api/inbox").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of("dueFrom")));
        as(DemoUsers.STAFF_HAIDIAN).queryParam("text", a.businessKey()).when().get("/api/inbox")
                .then().statusCode(200).body("total", equalTo(0));
        complete(DemoUsers.STAFF_CHAOYANG, itemIdOf(DemoUsers.STAFF_CHAOYANG, a.processInstanceId(), a.businessKey()),
                Map.of("decision", "ACCEPT"));
    }

    private String statusOf(String itemId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select status from luoshi_inbox_item where task_id = ?")) {
            statement.setString(1, itemId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
