package org.luoshi.workflow.inbox;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.assign;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;
import static org.luoshi.workflow.inbox.InboxApi.PROBLEM;
import static org.luoshi.workflow.inbox.InboxApi.complete;
import static org.luoshi.workflow.inbox.InboxApi.itemIdOf;
import static org.luoshi.workflow.inbox.InboxApi.itemOf;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.stub.InjectTaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * 转办 goes only to someone entitled to the item, as Keycloak knows them now; deciding work belongs to the deciding
 * role, not to whoever sits in the supervising office's department. Needs the realm's demo users wang.li (haidian) and
 * wu.gang (staff of supervision) and the service account's realm-management role view-users.
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class HandOverAndDecidingRoleTest {

    @InjectTaskServiceStub
    TaskServiceStub taskService;

    @Inject
    TaskService engineTasks;

    record Assigned(long taskId, String processInstanceId, String businessKey) {
    }

    private Assigned assignedToHaidian(String title) {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, title);
        JsonPath created = assign(taskId, "haidian");
        return new Assigned(taskId, created.getString("processInstanceId"), created.getString("businessKey"));
    }

    private static String claimedByLiNa(Assigned a) {
        String item = itemIdOf(DemoUsers.STAFF_HAIDIAN, a.processInstanceId(), a.businessKey());
        as(DemoUsers.STAFF_HAIDIAN).post("/api/inbox/" + item + "/claim").then().statusCode(200);
        return item;
    }

    private static void delegationRefused(String item, String to) {
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("to", to))
                .post("/api/inbox/" + item + "/delegate").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("to")));
    }

    @Test
    void anItemIsNotHandedToAnotherDepartmentAnEvaluatorASupervisorOrSomeoneWhoDoesNotExist() {
        Assigned a = assignedToHaidian("转办校验");
        String item = claimedByLiNa(a);
        delegationRefused(item, DemoUsers.STAFF_CHAOYANG);
        delegationRefused(item, DemoUsers.EVALUATOR);
        delegationRefused(item, DemoUsers.SUPERVISOR);
        delegationRefused(item, "nobody.here");
        // nothing changed: li.na still holds it, and the refused receivers cannot read it
        Map<String, Object> held = itemOf(DemoUsers.STAFF_HAIDIAN, a.processInstanceId(), a.businessKey());
        assertEquals(DemoUsers.STAFF_HAIDIAN, held.get("assignee"));
        as(DemoUsers.STAFF_CHAOYANG).get("/api/inbox/" + item).then().statusCode(404);
    }

    @Test
    void anItemHandedToAColleagueOfTheSameDepartmentIsTheirs() {
        Assigned a = assignedToHaidian("转办同事");
        String item = claimedByLiNa(a);
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("to", DemoUsers.STAFF_HAIDIAN_COLLEAGUE))
                .post("/api/inbox/" + item + "/delegate").then().statusCode(200)
                .body("assignee", equalTo(DemoUsers.STAFF_HAIDIAN_COLLEAGUE));
        as(DemoUsers.STAFF_HAIDIAN_COLLEAGUE).get("/api/inbox/" + item).then().statusCode(200);
        complete(DemoUsers.STAFF_HAIDIAN_COLLEAGUE, item, Map.of("decision", "ACCEPT"));
    }

    @Test
    void someoneHoldingAnItemOutsideItsGroupsCannotReadOrCompleteIt() {
        // as an unchecked hand-over left it (before 转办 was checked): held by chaoyang's staff, offered to haidian
        Assigned a = assignedToHaidian("历史错误转办");
        String item = claimedByLiNa(a);
        engineTasks.delegateTask(item, DemoUsers.STAFF_CHAOYANG);
        as(DemoUsers.STAFF_CHAOYANG).get("/api/inbox/" + item).then().statusCode(404);
        assertNull(itemOf(DemoUsers.STAFF_CHAOYANG, a.processInstanceId(), a.businessKey()), "not in chaoyang's list");
        as(DemoUsers.STAFF_CHAOYANG).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post("/api/inbox/" + item + "/complete").then().statusCode(404);
    }

    @Test
    void aReturnedTaskIsDecidedBySupervisorsOnlyNotByStaffOfTheSupervisionDepartment() {
        Assigned a = assignedToHaidian("退回由督查室决定");
        complete(DemoUsers.STAFF_HAIDIAN, itemIdOf(DemoUsers.STAFF_HAIDIAN, a.processInstanceId(), a.businessKey()),
                Map.of("decision", "RETURN", "reason", "不属于本区"));
        Map<String, Object> review = itemOf(DemoUsers.SUPERVISOR, a.processInstanceId(), a.businessKey());
        assertNotNull(review);
        assertEquals(List.of("role:supervisor"), review.get("candidateGroups"));
        assertNull(itemOf(DemoUsers.STAFF_SUPERVISION, a.processInstanceId(), a.businessKey()),
                "staff of the supervision department are not offered the decision");
        as(DemoUsers.STAFF_SUPERVISION).contentType(ContentType.JSON)
                .body(Map.of("decision", "WITHDRAW", "note", "我来撤回"))
                .post("/api/inbox/" + review.get("id") + "/complete").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("supervisor"));
        // and it cannot be handed to them either
        as(DemoUsers.SUPERVISOR).post("/api/inbox/" + review.get("id") + "/claim").then().statusCode(200);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("to", DemoUsers.STAFF_SUPERVISION))
                .post("/api/inbox/" + review.get("id") + "/delegate").then().statusCode(400)
                .body("errors.field", equalTo(List.of("to")));
    }
}
