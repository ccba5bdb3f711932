package org.luoshi.workflow.assignment;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.luoshi.workflow.WorkflowApi.JOB_TIMEOUT;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.assign;
import static org.luoshi.workflow.WorkflowApi.awaitProcess;
import static org.luoshi.workflow.WorkflowApi.inboxItemOf;
import static org.luoshi.workflow.WorkflowApi.incidentsOf;
import static org.luoshi.workflow.WorkflowApi.processState;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
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
 * task-service failing while an acceptance is recorded: the job executor retries per the test retry cycle
 * (R2/PT1S = two attempts), then raises an incident; a supervisor retries it once task-service is back.
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class RecordAcceptanceRetryTest {

    @InjectTaskServiceStub
    TaskServiceStub taskService;

    @Inject
    ManagementService managementService;

    @Test
    void failingTaskServiceIsRetriedThenBecomesAnIncidentThatASupervisorRetriesToCompletion() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "优化营商环境");
        taskService.failAcceptance(taskId, 503);

        JsonPath created = assign(taskId, "haidian");
        String processInstanceId = created.getString("processInstanceId");
        String itemId = (String) inboxItemOf(DemoUsers.STAFF_HAIDIAN, processInstanceId).get("id");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/inbox/" + itemId + "/complete")
                .then().statusCode(200);

        // the job executor tries, waits the configured interval, tries again, then gives up with an incident
        Awaitility.await("an incident for the failed acceptance").atMost(JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> incidentsOf(processInstanceId).getLong("total") == 1);
        assertEquals(2, taskService.acceptanceRequests(taskId).size(), "R2/PT1S allows exactly two attempts");

        JsonPath incidents = incidentsOf(processInstanceId);
        Map<String, Object> incident = incidents.getMap("items[0]");
        assertEquals(processInstanceId, incident.get("processInstanceId"));
        assertEquals(created.getString("businessKey"), incident.get("businessKey"));
        assertEquals("recordAcceptance", incident.get("activityId"));
        assertNotNull(incident.get("createdAt"));
        String jobId = (String) incident.get("jobId");
        Job job = managementService.createJobQuery().jobId(jobId).singleResult();
        assertNotNull(job, "the incident names the failed job");
        assertEquals(0, job.getRetries());
        org.hamcrest.MatcherAssert.assertThat((String) incident.get("message"), containsString("503"));

        JsonPath waiting = processState(processInstanceId);
        assertEquals(false, waiting.getBoolean("ended"));
        assertEquals(List.of("recordAcceptance"), waiting.getList("activeActivityIds"));
        assertEquals(1, waiting.getInt("openIncidents"));

        // task-service is back; the supervisor retries
        taskService.acceptNormally(taskId);
        String incidentId = (String) incident.get("id");
        as(DemoUsers.SUPERVISOR).when().post("/api/incidents/" + incidentId + "/retry")
                .then().statusCode(202)
                .body("incidentId", equalTo(incidentId))
                .body("jobId", equalTo(jobId))
                .body("retries", equalTo(1));

        JsonPath state = awaitProcess(processInstanceId, "process ends after the retried acceptance", s -> s.getBoolean("ended"));
        assertEquals("taskAccepted", state.getString("endActivityId"));
        assertEquals(0L, incidentsOf(processInstanceId).getLong("total"), "the incident is resolved");

        List<TaskServiceStub.RecordedRequest> attempts = taskService.acceptanceRequests(taskId);
        assertEquals(3, attempts.size(), "two failed attempts and the successful retry");
        for (TaskServiceStub.RecordedRequest attempt : attempts) {
            assertEquals(processInstanceId + ":recordAcceptance", attempt.idempotencyKey(),
                    "every attempt carries the same idempotency key");
            TaskAssignmentFlowTest.assertServiceAccountToken(attempt.bearerToken());
        }
    }

    @Test
    void anAcceptanceTaskServiceRefusesForGoodGoesToTheSupervisingOfficeWithTheReasonWithoutRetryOrIncident() {
        long taskId = uniqueTaskId();
        taskService.addTask(taskId, "优化营商环境");
        // the check before the completion passes; the task changes before recordAcceptance runs
        taskService.failAcceptance(taskId, 409);

        String processInstanceId = assign(taskId, "haidian").getString("processInstanceId");
        String itemId = (String) inboxItemOf(DemoUsers.STAFF_HAIDIAN, processInstanceId).get("id");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post("/api/inbox/" + itemId + "/complete")
                .then().statusCode(200);

        // the state's variables and activities are two reads: wait until both show the refusal
        JsonPath state = awaitProcess(processInstanceId, "back at the supervising office's decision",
                s -> s.getList("activeActivityIds").equals(List.of("reviewReturn"))
                        && s.getString("variables.recordRefusal") != null);
        assertEquals("Stubbed failure", state.getString("variables.recordRefusal"));
        assertEquals(0, state.getInt("openIncidents"));
        assertEquals(1, taskService.acceptanceRequests(taskId).size(), "a permanent refusal is not retried");
    }

    @Test
    void retryingAnUnknownIncidentAnswers404() {
        as(DemoUsers.SUPERVISOR).when().post("/api/incidents/no-such-incident/retry")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void staffMayNotRetryIncidents() {
        as(DemoUsers.STAFF_HAIDIAN).when().post("/api/incidents/no-such-incident/retry")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
