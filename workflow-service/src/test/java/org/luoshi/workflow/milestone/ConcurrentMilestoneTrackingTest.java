package org.luoshi.workflow.milestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Two callers tracking the same task at the same moment start one 节点填报与审核 per milestone, not two. */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class ConcurrentMilestoneTrackingTest {

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @Inject
    RuntimeService runtimeService;

    @Test
    void twoConcurrentTrackingCallsStartOneInstancePerMilestone() throws Exception {
        long taskId = uniqueTaskId();
        long first = taskId * 10 + 1;
        long second = taskId * 10 + 2;
        String due = LocalDate.now().plusDays(30).toString();
        taskService.addTask(taskId, "并发跟踪", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(first, 1, "节点一", due), MilestoneServiceStub.milestone(second, 2, "节点二", due)));
        taskService.holdReadsOf(taskId, 2); // both calls pass task-service's read together, then race to start

        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(callers.submit(() -> as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                        .body(Map.of("taskId", taskId)).post("/api/milestone-trackings")
                        .then().statusCode(200).extract().jsonPath()));
            }
            List<JsonPath> results = new ArrayList<>();
            for (Future<JsonPath> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            for (long milestoneId : List.of(first, second)) {
                assertEquals(1, runtimeService.createProcessInstanceQuery().processDefinitionKey(MilestoneReportingProcess.KEY)
                        .variableValueEquals(MilestoneReportingProcess.VAR_MILESTONE_ID, milestoneId).count(),
                        "one running instance for milestone " + milestoneId);
            }
            // each milestone was started by exactly one of the two calls, and both name the same instance
            for (int m = 0; m < 2; m++) {
                int index = m;
                assertEquals(1, results.stream().filter(r -> r.getBoolean("milestones[" + index + "].started")).count());
                assertEquals(1, results.stream().map(r -> r.getString("milestones[" + index + "].processInstanceId"))
                        .distinct().count());
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
