package org.luoshi.workflow.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * {@code POST /api/milestone-trackings {taskId, milestone}}: a supervisor adds a milestone to a task and starts its
 * tracking in one request — one call to task-service, which adds it tracked, then the instance — refused with nothing
 * added or started for what task-service refuses, exactly once under a retried Idempotency-Key and concurrent retries,
 * and a milestone whose start failed after task-service committed is finished by the key again or the existing paths.
 */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class MilestoneAddedAndTrackedTest {
    private static final String DUE = LocalDate.now().plusDays(30).toString();

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @Inject
    RuntimeService runtimeService;

    private long task(String status) {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "新增并跟踪", "haidian", List.of("chaoyang"), new ArrayList<>());
        taskService.place(taskId, taskId, status);
        return taskId;
    }

    private static Map<String, Object> body(long taskId, String title, String dueDate) {
        Map<String, Object> milestone = new LinkedHashMap<>();
        milestone.put("title", title);
        milestone.put("dueDate", dueDate);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("taskId", taskId);
        body.put("milestone", milestone);
        return body;
    }

    private static ValidatableResponse addAndTrack(String user, String key, Map<String, Object> body) {
        RequestSpecification request = as(user).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/milestone-trackings").then();
    }

    private static ValidatableResponse addAndTrack(String key, long taskId) {
        return addAndTrack(DemoUsers.SUPERVISOR, key, body(taskId, "季度推进会", DUE));
    }

    private List<ProcessInstance> instancesOf(long milestoneId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(MilestoneReportingProcess.KEY)
                .variableValueEquals(MilestoneReportingProcess.VAR_MILESTONE_ID, milestoneId).list();
    }

    private List<ProcessInstance> instancesOfTask(long taskId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(MilestoneReportingProcess.KEY)
                .variableValueEquals(MilestoneReportingProcess.VAR_TASK_ID, taskId).list();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> milestonesOf(long taskId) {
        return (List<Map<String, Object>>) taskService.task(taskId).get("milestones");
    }

    @Test
    void oneRequestAddsTheMilestoneInOneCallToTaskServiceAndStartsItsInstance() {
        long taskId = task("ACCEPTED");

        JsonPath answer = addAndTrack(UUID.randomUUID().toString(), taskId).statusCode(201).extract().jsonPath();

        long milestoneId = answer.getLong("milestones[0].milestoneId");
        assertThat(answer.getLong("taskId")).isEqualTo(taskId);
        assertThat(answer.getBoolean("milestones[0].started")).isTrue();
        assertThat(instancesOf(milestoneId)).singleElement()
                .satisfies(i -> assertThat(i.getId()).isEqualTo(answer.getString("milestones[0].processInstanceId")));
        Map<String, Object> variables = runtimeService.getVariables(answer.getString("milestones[0].processInstanceId"));
        assertThat(variables).containsEntry(MilestoneReportingProcess.VAR_MILESTONE_TITLE, "季度推进会")
                .containsEntry(MilestoneReportingProcess.VAR_DUE_DATE, DUE)
                .containsEntry(MilestoneReportingProcess.VAR_TASK_TITLE, "新增并跟踪")
                .containsEntry(MilestoneReportingProcess.VAR_LEAD_DEPARTMENT, "haidian");
        // one call: no read of the task, no separate tracking PUT; the supervisor is named to task-service
        List<MilestoneServiceStub.Recorded> additions = taskService.trackedMilestoneAdditions(taskId);
        assertThat(additions).singleElement().satisfies(r -> {
            assertThat(r.json().path("requestedBy").asText()).isEqualTo(DemoUsers.SUPERVISOR);
            assertThat(r.json().path("milestone").path("title").asText()).isEqualTo("季度推进会");
        });
        assertThat(taskService.taskReads(taskId)).isZero();
        assertThat(taskService.milestoneTrackingPuts(milestoneId)).isEmpty();
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAnswersTheSameMilestoneAndInstance() {
        long taskId = task("ACCEPTED");
        String key = UUID.randomUUID().toString();
        JsonPath first = addAndTrack(key, taskId).statusCode(201).extract().jsonPath();

        JsonPath again = addAndTrack(key, taskId).statusCode(200).extract().jsonPath();

        assertThat(again.getLong("milestones[0].milestoneId")).isEqualTo(first.getLong("milestones[0].milestoneId"));
        assertThat(again.getString("milestones[0].processInstanceId"))
                .isEqualTo(first.getString("milestones[0].processInstanceId"));
        assertThat(again.getBoolean("milestones[0].started")).isFalse();
        assertThat(milestonesOf(taskId)).hasSize(1);
        assertThat(instancesOfTask(taskId)).hasSize(1);
        // another supervisor's same key is another request
        addAndTrack(DemoUsers.ADMIN, key, body(taskId, "季度推进会", DUE)).statusCode(201);
        assertThat(milestonesOf(taskId)).hasSize(2);
    }

    @Test
    void concurrentRetriesOfOneKeyAddOneMilestoneAndStartOneInstance() throws Exception {
        long taskId = task("ASSIGNED");
        String key = UUID.randomUUID().toString();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<JsonPath> answers = new ArrayList<>();
        try {
            List<Future<JsonPath>> pending = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                pending.add(callers.submit(() -> addAndTrack(key, taskId).extract().jsonPath()));
            }
            for (Future<JsonPath> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(milestonesOf(taskId)).hasSize(1);
        assertThat(instancesOfTask(taskId)).hasSize(1);
        assertThat(answers.stream().map(a -> a.getString("milestones[0].processInstanceId")).distinct().toList())
                .containsExactly(instancesOfTask(taskId).get(0).getId());
        assertThat(answers.stream().filter(a -> a.getBoolean("milestones[0].started")).count()).isEqualTo(1);
    }

    @Test
    void aStartThatFailedAfterTaskServiceCommittedIsFinishedByTheSameKeyAgain() {
        long taskId = task("ACCEPTED");
        String key = UUID.randomUUID().toString();
        taskService.loseNextAdditionAnswer(taskId);

        addAndTrack(key, taskId).statusCode(502).contentType("application/problem+json");
        // what remains: task-service's milestone, tracked there, without an instance here
        assertThat(milestonesOf(taskId)).hasSize(1);
        assertThat(instancesOfTask(taskId)).isEmpty();

        JsonPath retried = addAndTrack(key, taskId).statusCode(200).extract().jsonPath();
        assertThat(retried.getLong("milestones[0].milestoneId")).isEqualTo(milestonesOf(taskId).get(0).get("id"));
        assertThat(retried.getBoolean("milestones[0].started")).isTrue();
        assertThat(milestonesOf(taskId)).hasSize(1);
        assertThat(instancesOfTask(taskId)).hasSize(1);
    }

    @Test
    void aStartThatFailedAfterTaskServiceCommittedIsFinishedByTrackingTheMilestoneOrInBulk() {
        long byMilestone = task("ACCEPTED");
        taskService.loseNextAdditionAnswer(byMilestone);
        addAndTrack(null, byMilestone).statusCode(502);
        long milestoneId = ((Number) milestonesOf(byMilestone).get(0).get("id")).longValue();

        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", byMilestone, "milestoneId", milestoneId))
                .post("/api/milestone-trackings").then().statusCode(200).body("milestones[0].started", equalTo(true));
        assertThat(instancesOf(milestoneId)).hasSize(1);

        long inBulk = task("ACCEPTED");
        taskService.loseNextAdditionAnswer(inBulk);
        addAndTrack(null, inBulk).statusCode(502);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("planId", inBulk))
                .post("/api/milestone-trackings/bulk").then().statusCode(200);
        assertThat(instancesOfTask(inBulk)).hasSize(1);
        assertThat(milestonesOf(inBulk)).hasSize(1);
    }

    @Test
    void aMilestoneTaskServiceRefusesIsRefusedNamingTheFieldAndNothingStarts() {
        long taskId = task("ACCEPTED");

        addAndTrack(DemoUsers.SUPERVISOR, null, body(taskId, " ", DUE)).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("milestone.title"));
        addAndTrack(DemoUsers.SUPERVISOR, null, body(taskId, "节点", null)).statusCode(400)
                .body("errors[0].field", equalTo("milestone.dueDate"));
        addAndTrack(DemoUsers.SUPERVISOR, null, body(taskId, "节点", "2026-02-30")).statusCode(400)
                .body("errors[0].field", equalTo("milestone.dueDate"));
        addAndTrack(DemoUsers.SUPERVISOR, "k".repeat(201), body(taskId, "节点", DUE)).statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        Map<String, Object> both = body(taskId, "节点", DUE);
        both.put("milestoneId", 5);
        addAndTrack(DemoUsers.SUPERVISOR, null, both).statusCode(400).body("errors[0].field", equalTo("milestone"));

        assertThat(milestonesOf(taskId)).isEmpty();
        assertThat(instancesOfTask(taskId)).isEmpty();
    }

    @Test
    void anUnknownTaskIsNotFoundAndATaskNoDepartmentLeadsIsAConflict() {
        addAndTrack(UUID.randomUUID().toString(), uniqueTaskId()).statusCode(404);

        long draft = task("DRAFT");
        addAndTrack(UUID.randomUUID().toString(), draft).statusCode(409).body("code", equalTo("task.not-trackable"));
        assertThat(milestonesOf(draft)).isEmpty();
        assertThat(instancesOfTask(draft)).isEmpty();
    }

    @Test
    void staffMayNotAddAndTrack() {
        long taskId = task("ACCEPTED");
        addAndTrack(DemoUsers.STAFF_HAIDIAN, UUID.randomUUID().toString(), body(taskId, "节点", DUE)).statusCode(403);
        assertThat(taskService.trackedMilestoneAdditions(taskId)).isEmpty();
    }
}
