package org.luoshi.workflow.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
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

/**
 * {@code POST /api/milestone-trackings {taskId, milestoneId}}: one milestone tracked from task-service's answer to
 * recording its tracking (the task is not read), exactly once under repeats and concurrent calls, and refused with
 * nothing started for what task-service refuses.
 */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class MilestoneScopedTrackingTest {

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @Inject
    RuntimeService runtimeService;

    private record Task(long id, long first, long second) {
    }

    private Task taskWithTwoMilestones(List<String> coDepartments) {
        long taskId = uniqueTaskId();
        String due = LocalDate.now().plusDays(30).toString();
        taskService.addTask(taskId, "单节点跟踪", "haidian", coDepartments, List.of(
                MilestoneServiceStub.milestone(taskId * 10 + 1, 1, "节点一", due),
                MilestoneServiceStub.milestone(taskId * 10 + 2, 2, "节点二", due)));
        return new Task(taskId, taskId * 10 + 1, taskId * 10 + 2);
    }

    private static ValidatableResponse track(long taskId, long milestoneId) {
        return as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "milestoneId", milestoneId))
                .post("/api/milestone-trackings").then();
    }

    private List<ProcessInstance> instancesOf(long milestoneId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(MilestoneReportingProcess.KEY)
                .variableValueEquals(MilestoneReportingProcess.VAR_MILESTONE_ID, milestoneId).list();
    }

    @Test
    void trackingOneMilestoneStartsItsInstanceFromTaskServicesAnswerWithoutReadingTheTask() {
        Task task = taskWithTwoMilestones(List.of("chaoyang"));

        JsonPath answer = track(task.id(), task.first()).statusCode(200).extract().jsonPath();

        assertThat(answer.getList("milestones")).hasSize(1);
        assertThat(answer.getLong("milestones[0].milestoneId")).isEqualTo(task.first());
        assertThat(answer.getBoolean("milestones[0].started")).isTrue();
        String instance = answer.getString("milestones[0].processInstanceId");
        Map<String, Object> variables = runtimeService.getVariables(instance);
        assertThat(variables).containsEntry(MilestoneReportingProcess.VAR_TASK_ID, task.id())
                .containsEntry(MilestoneReportingProcess.VAR_TASK_TITLE, "单节点跟踪")
                .containsEntry("planSection", "三（一）1")
                .containsEntry(MilestoneReportingProcess.VAR_MILESTONE_TITLE, "节点一")
                .containsEntry(MilestoneReportingProcess.VAR_DUE_DATE, LocalDate.now().plusDays(30).toString())
                .containsEntry(MilestoneReportingProcess.VAR_LEAD_DEPARTMENT, "haidian")
                .doesNotContainKey(MilestoneReportingProcess.VAR_DEPARTMENT_CODE); // the lead is stored once
        assertThat(variables.get(MilestoneReportingProcess.VAR_CO_DEPARTMENTS)).isEqualTo(List.of("chaoyang"));
        // the list concurrent sub-reports update exists before them; the round is the first report's to set
        assertThat(variables.get(MilestoneReportingProcess.VAR_SUB_REPORTS)).isEqualTo(List.of());
        assertThat(variables).doesNotContainKey(MilestoneReportingProcess.VAR_REPORT_ROUND);
        // it waits where a tracked milestone waits: the lead's report, the co-department's sub-report, the ladder
        assertThat(runtimeService.getActiveActivityIds(instance)).contains(MilestoneReportingProcess.SUBMIT_REPORT,
                MilestoneReportingProcess.CONTRIBUTE_SUB_REPORT, MilestoneReportingProcess.WAIT_REMINDER);
        assertThat(instancesOf(task.second())).as("the task's other milestone is left alone").isEmpty();
        assertThat(taskService.taskReads(task.id())).as("GET /api/tasks/{id}").isZero();
        List<MilestoneServiceStub.Recorded> marks = taskService.milestoneTrackingPuts(task.first());
        assertThat(marks).hasSize(1);
        assertThat(marks.get(0).json().path("taskId").asLong()).isEqualTo(task.id());
    }

    @Test
    void repeatedAndConcurrentCallsStartExactlyOneInstance() throws Exception {
        Task task = taskWithTwoMilestones(List.of());
        taskService.holdTrackingOf(task.first(), 4); // callers that all got past the registry would meet here

        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<JsonPath> answers = new ArrayList<>();
        try {
            List<Future<JsonPath>> pending = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                pending.add(callers.submit(() -> track(task.id(), task.first()).statusCode(200).extract().jsonPath()));
            }
            for (Future<JsonPath> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        answers.add(track(task.id(), task.first()).statusCode(200).extract().jsonPath());
        answers.add(track(task.id(), task.first()).statusCode(200).extract().jsonPath());

        assertThat(instancesOf(task.first())).hasSize(1);
        // without co-departments no sub-report can come: no list for them
        assertThat(runtimeService.getVariables(instancesOf(task.first()).get(0).getId()))
                .doesNotContainKeys(MilestoneReportingProcess.VAR_SUB_REPORTS, MilestoneReportingProcess.VAR_REPORT_ROUND);
        assertThat(answers.stream().filter(a -> a.getBoolean("milestones[0].started")).count()).isEqualTo(1);
        assertThat(answers.stream().map(a -> a.<String>getJsonObject("milestones[0].processInstanceId")).distinct().toList())
                .containsExactly(instancesOf(task.first()).get(0).getId());
        assertThat(taskService.milestoneTrackingPuts(task.first())).as("task-service is asked by the caller that starts")
                .hasSize(1);
    }

    @Test
    void aMilestoneOfAnotherTaskOrADoneOneIsRefusedAndNothingStarts() {
        Task task = taskWithTwoMilestones(List.of());
        Task other = taskWithTwoMilestones(List.of());

        track(task.id(), other.first()).statusCode(404);
        assertThat(instancesOf(other.first())).isEmpty();

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> milestones = (List<Map<String, Object>>) taskService.task(task.id()).get("milestones");
        milestones.get(1).put("status", "DONE");
        track(task.id(), task.second()).statusCode(409);
        assertThat(instancesOf(task.second())).isEmpty();

        // the refused call left no claim behind: the milestone's own task tracks it
        track(other.id(), other.first()).statusCode(200).body("milestones[0].started", equalTo(true));
        // and once tracked, another task naming it is refused without asking task-service again
        track(task.id(), other.first()).statusCode(404);
        assertThat(taskService.milestoneTrackingPuts(other.first())).hasSize(2);
    }

    @Test
    void taskServiceAwayStartsNothingAndTheNextCallTracks() {
        Task task = taskWithTwoMilestones(List.of());
        taskService.answerTrackingOnce(task.first(), 503);

        track(task.id(), task.first()).statusCode(502);
        assertThat(instancesOf(task.first())).isEmpty();

        track(task.id(), task.first()).statusCode(200).body("milestones[0].started", equalTo(true));
        assertThat(instancesOf(task.first())).hasSize(1);
    }

    @Test
    void aBadMilestoneIdIsRefusedNamingIt() {
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", 1, "milestoneId", -3))
                .post("/api/milestone-trackings").then().statusCode(400).body("errors[0].field", equalTo("milestoneId"));
    }

    @Test
    void staffMayNotStartTracking() {
        Task task = taskWithTwoMilestones(List.of());
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON)
                .body(Map.of("taskId", task.id(), "milestoneId", task.first()))
                .post("/api/milestone-trackings").then().statusCode(403);
        assertThat(instancesOf(task.first())).isEmpty();
    }
}
