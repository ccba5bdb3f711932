package org.luoshi.workflow.assignment;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.stub.InjectTaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStub;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A task of a draft plan is the supervising office's working copy: 交办 is refused before any process starts. */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class DraftPlanAssignmentTest {
    @InjectTaskServiceStub
    TaskServiceStub taskService;

    @Test
    void assigningATaskOfADraftPlanIsAConflictNamingThePlansStatusAndStartsNothing() {
        long taskId = uniqueTaskId();
        taskService.addTaskOfDraftPlan(taskId, "草稿规划的任务");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "departmentCode", "haidian"))
                .when().post("/api/assignments")
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("plan-draft"));
        assertEquals(1, taskService.requestsFor(taskId).size(), "only the task was read; nothing was started");
    }
}
