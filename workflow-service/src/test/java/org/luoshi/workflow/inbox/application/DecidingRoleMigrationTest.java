package org.luoshi.workflow.inbox.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.luoshi.workflow.WorkflowApi.assign;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.WorkflowApi;
import org.luoshi.workflow.stub.InjectTaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A deciding item still offered to the department group supervision (an older process version) moves to the role. */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class DecidingRoleMigrationTest {

    @InjectTaskServiceStub
    TaskServiceStub taskService;

    @Inject
    TaskService engineTasks;

    @Test
    void anOpenDecidingItemOfTheSupervisionGroupMovesToTheSupervisorRoleAndTheInboxFollows() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "旧版本的退回");
        String pi = assign(taskId, "haidian").getString("processInstanceId");
        String accept = WorkflowApi.awaitInboxItem(DemoUsers.STAFF_HAIDIAN, pi, "acceptTask").get("id").toString();
        WorkflowApi.as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("decision", "RETURN", "reason", "不属于本区")).post("/api/inbox/" + accept + "/complete")
                .then().statusCode(200);
        String review = WorkflowApi.awaitInboxItem(DemoUsers.SUPERVISOR, pi, "reviewReturn").get("id").toString();
        // as an instance of the older version left it: offered to the department group
        engineTasks.deleteCandidateGroup(review, DecidingRoleMigration.ROLE_GROUP);
        engineTasks.addCandidateGroup(review, DecidingRoleMigration.OLD_GROUP);
        assertNotNull(WorkflowApi.inboxItemOf(DemoUsers.STAFF_SUPERVISION, pi), "the department's staff see it");

        DecidingRoleMigration.moveToRole(engineTasks);

        assertNull(WorkflowApi.inboxItemOf(DemoUsers.STAFF_SUPERVISION, pi), "no longer the department's");
        assertEquals(List.of("role:supervisor"), WorkflowApi.inboxItemOf(DemoUsers.SUPERVISOR, pi).get("candidateGroups"));
        WorkflowApi.as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "AMEND", "note", "已补充"))
                .post("/api/inbox/" + review + "/complete").then().statusCode(200);
    }
}
