package org.luoshi.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.luoshi.deploy.Eventually.eventually;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The whole system as the run command starts it: both packaged services as their own processes, the real
 * PostgreSQL and the real Keycloak. A supervisor assigns, the department's staff accept, and the async
 * step records it in task-service with the service account — also when task-service was down meanwhile.
 */
class SystemEndToEndIT {
    private static final String REALM = KeycloakTokens.keycloakUrl() + "/realms/luoshi";

    private static ServiceProcess taskService;
    private static ServiceProcess workflowService;

    @BeforeAll
    static void startTheSystem() throws Exception {
        E2eDatabases.resetSchemas();
        taskService = new ServiceProcess("task-service", Map.of(
                "quarkus.datasource.jdbc.url", E2eDatabases.taskUrl(),
                "quarkus.oidc.auth-server-url", REALM));
        taskService.start();
        workflowService = new ServiceProcess("workflow-service", Map.of(
                "quarkus.datasource.jdbc.url", E2eDatabases.workflowUrl(),
                "quarkus.oidc.auth-server-url", REALM,
                "quarkus.rest-client.task-service.url", taskService.url(),
                // enough attempts to outlive a restart; a short lock so a job held by a killed instance is taken over
                "luoshi.workflow.retry.task-service-write", "R4/PT2S",
                "luoshi.workflow.retry.task-service-read", "R4/PT2S",
                "luoshi.workflow.job-executor.lock-time", "15S",
                "luoshi.workflow.job-executor.wait-time", "200ms",
                "luoshi.workflow.job-executor.max-wait", "1S"));
        workflowService.start();
    }

    @AfterAll
    static void stopTheSystem() throws InterruptedException {
        if (workflowService != null) {
            workflowService.stop();
        }
        if (taskService != null) {
            taskService.stop();
        }
    }

    @Test
    void aTaskAssignedByTheSupervisorIsAcceptedByTheDepartmentAndRecordedInTaskService() {
        long taskId = newTask("haidian");
        String processInstanceId = assign(taskId, "haidian");

        String haidian = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        String itemId = inboxItemFor(haidian, taskId);
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.STAFF_CHAOYANG))
                .when().get(workflowService.url() + "/api/inbox/" + itemId)
                .then().statusCode(404);
        complete(haidian, itemId);

        JsonPath task = eventually("task " + taskId + " accepted in task-service", () -> {
            JsonPath t = given().auth().oauth2(haidian).when().get(taskService.url() + "/api/tasks/" + taskId)
                    .then().statusCode(200).extract().jsonPath();
            return "ACCEPTED".equals(t.getString("status")) ? t : null;
        });
        assertThat(task.getString("acceptedBy")).isEqualTo(DemoUsers.STAFF_HAIDIAN);
        assertThat(processEnded(processInstanceId)).isTrue();
    }

    @Test
    void anAcceptanceMadeWhileTaskServiceIsDownBecomesAnIncidentAndIsRecordedOnceAfterItIsBack() throws Exception {
        long taskId = newTask("chaoyang");
        String processInstanceId = assign(taskId, "chaoyang");
        String chaoyang = KeycloakTokens.accessToken(DemoUsers.STAFF_CHAOYANG);
        String itemId = inboxItemFor(chaoyang, taskId);

        taskService.kill();
        try {
            complete(chaoyang, itemId);
            String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
            Map<String, Object> incident = eventually("an incident for " + processInstanceId, () -> {
                List<Map<String, Object>> open = given().auth().oauth2(supervisor)
                        .queryParam("processInstanceId", processInstanceId)
                        .when().get(workflowService.url() + "/api/incidents")
                        .then().statusCode(200).extract().jsonPath().getList("items");
                return open.stream().filter(i -> processInstanceId.equals(i.get("processInstanceId"))).findFirst().orElse(null);
            });
            assertThat(incident.get("activityId")).isEqualTo("recordAcceptance");
        } finally {
            taskService.start();
        }

        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        String incidentId = given().auth().oauth2(supervisor).queryParam("processInstanceId", processInstanceId)
                .when().get(workflowService.url() + "/api/incidents")
                .then().statusCode(200).extract().jsonPath().getString("items[0].id");
        given().auth().oauth2(supervisor).when().post(workflowService.url() + "/api/incidents/" + incidentId + "/retry")
                .then().statusCode(202);

        eventually("process " + processInstanceId + " ended", () -> processEnded(processInstanceId) ? true : null);
        given().auth().oauth2(chaoyang).when().get(taskService.url() + "/api/tasks/" + taskId)
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("acceptedBy", equalTo(DemoUsers.STAFF_CHAOYANG))
                .body("version", equalTo(1));
    }

    @Test
    void killingWorkflowServiceInTheMiddleOfAFlowLosesNothing() throws Exception {
        long taskId = newTask("haidian");
        String processInstanceId = assign(taskId, "haidian");
        String haidian = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        String itemId = inboxItemFor(haidian, taskId);

        // The acceptance is committed with its pending async step; the process dies before the step runs.
        taskService.kill();
        try {
            complete(haidian, itemId);
            workflowService.kill();
        } finally {
            taskService.start();
        }
        workflowService.start();

        eventually("task " + taskId + " accepted after the restart", () -> {
            String status = given().auth().oauth2(haidian).when().get(taskService.url() + "/api/tasks/" + taskId)
                    .then().statusCode(200).extract().path("status");
            return "ACCEPTED".equals(status) ? status : null;
        });
        eventually("process " + processInstanceId + " ended", () -> processEnded(processInstanceId) ? true : null);
    }

    @Test
    void aMilestoneIsReportedWithEvidenceConsolidatedApprovedAndCompletedInTaskService() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long taskId = newTask("haidian");
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).header("If-Match", "W/\"0\"")
                .body(Map.of("leadDepartmentCode", "haidian", "coDepartmentCodes", List.of("chaoyang"), "dueDate", "2030-12-31"))
                .when().put(taskService.url() + "/api/tasks/" + taskId + "/assignment").then().statusCode(200);
        long milestoneId = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("title", "完成试验线建设", "dueDate", java.time.LocalDate.now().plusDays(90).toString(),
                        "deliverable", "验收报告"))
                .when().post(taskService.url() + "/api/tasks/" + taskId + "/milestones")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        String haidian = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        assign(taskId, "haidian");
        complete(haidian, inboxItemFor(haidian, taskId));

        // acceptance starts milestone tracking: the co-department is asked for its sub-report
        String chaoyang = KeycloakTokens.accessToken(DemoUsers.STAFF_CHAOYANG);
        String subItem = eventually("chaoyang's sub-report item", () -> itemOf(chaoyang, milestoneId, "SUB_REPORT"));
        given().auth().oauth2(chaoyang).contentType(ContentType.JSON)
                .body(Map.of("text", "朝阳区完成配套用地保障。", "percent", 100))
                .when().post(workflowService.url() + "/api/milestone-items/" + subItem + "/sub-report").then().statusCode(200);

        long evidenceId = given().auth().oauth2(haidian).multiPart("file", "验收报告.pdf", "%PDF-1.4 demo".getBytes(), "application/pdf")
                .when().post(taskService.url() + "/api/milestones/" + milestoneId + "/evidence")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String leadItem = itemOf(haidian, milestoneId, "REPORT");
        String subReportKey = eventually("the sub-report recorded for the lead", () -> {
            List<String> keys = given().auth().oauth2(haidian).when().get(workflowService.url() + "/api/milestone-items/" + leadItem)
                    .then().statusCode(200).extract().jsonPath().getList("subReports.reportKey");
            return keys == null || keys.isEmpty() ? null : keys.get(0);
        });
        given().auth().oauth2(haidian).contentType(ContentType.JSON)
                .body(Map.of("text", "试验线已建成并通过验收。", "percent", 100, "evidenceIds", List.of(evidenceId),
                        "consolidates", List.of(subReportKey)))
                .when().post(workflowService.url() + "/api/milestone-items/" + leadItem + "/report").then().statusCode(200);

        String reviewItem = eventually("the supervisor's review item", () -> itemOf(supervisor, milestoneId, "REVIEW"));
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post(workflowService.url() + "/api/milestone-items/" + reviewItem + "/review").then().statusCode(200);

        eventually("the milestone done in task-service", () -> {
            String status = given().auth().oauth2(haidian).when().get(taskService.url() + "/api/tasks/" + taskId)
                    .then().statusCode(200).extract().path("milestones[0].status");
            return "DONE".equals(status) ? status : null;
        });
        given().auth().oauth2(haidian).when().get(taskService.url() + "/api/tasks/" + taskId)
                .then().body("status", equalTo("COMPLETED"));
        List<Map<String, Object>> reports = given().auth().oauth2(haidian)
                .when().get(taskService.url() + "/api/milestones/" + milestoneId + "/reports")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(reports).extracting(r -> r.get("kind")).containsExactlyInAnyOrder("LEAD", "SUB");
        assertThat(reports).filteredOn(r -> "LEAD".equals(r.get("kind"))).singleElement()
                .satisfies(r -> assertThat(r.get("status")).isEqualTo("APPROVED"));
    }

    @Test
    void milestonesGivenWithABulkAssignmentAreTrackedWhenTheDepartmentAcceptsAndOnlyOnce() {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long planId = TestPlans.confirmedPlan(taskService.url(), supervisor, "批量交办端到端规划");
        long accepted = draftTask(supervisor, planId, "批量交办并接收");
        long waiting = draftTask(supervisor, planId, "批量交办待接收");
        String due = java.time.LocalDate.now().plusDays(60).toString();
        List<Map<String, Object>> items = List.of(
                Map.of("taskId", accepted, "version", 0, "leadDepartmentCode", "haidian", "milestones",
                        List.of(Map.of("title", "方案编制", "dueDate", due), Map.of("title", "中期评估", "dueDate", due))),
                Map.of("taskId", waiting, "version", 0, "leadDepartmentCode", "haidian", "milestones",
                        List.of(Map.of("title", "启动实施", "dueDate", due))));
        JsonPath assigned = given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .header("Idempotency-Key", "e2e-bulk-" + UUID.randomUUID()).body(Map.of("items", items))
                .when().post(taskService.url() + "/api/plans/" + planId + "/assignments")
                .then().statusCode(200).extract().jsonPath();
        List<Long> acceptedMilestones = assigned.getList("[0].milestones.id", Long.class);
        assertThat(acceptedMilestones).hasSize(2);

        String haidian = KeycloakTokens.accessToken(DemoUsers.STAFF_HAIDIAN);
        assign(accepted, "haidian");
        assign(waiting, "haidian");
        complete(haidian, inboxItemFor(haidian, accepted));

        // the acceptance starts one 节点填报与审核 per milestone: a report item each in the department's inbox
        for (long milestoneId : acceptedMilestones) {
            eventually("the report item of milestone " + milestoneId, () -> itemOf(haidian, milestoneId, "REPORT"));
        }
        long notYet = assigned.getLong("[1].milestones[0].id");
        assertThat(itemOf(haidian, notYet)).as("a task not accepted yet has its milestones untracked").isNull();

        // the plan's bulk tracking finds them tracked already and starts nothing twice
        given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("planId", planId))
                .when().post(workflowService.url() + "/api/milestone-trackings/bulk")
                .then().statusCode(200).body("tasks", equalTo(1)).body("started", equalTo(0)).body("alreadyTracked", equalTo(2));
        List<Map<String, Object>> reportItems = given().auth().oauth2(haidian).when().get(workflowService.url() + "/api/milestone-items")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(reportItems).filteredOn(i -> i.get("milestoneId") != null
                && acceptedMilestones.contains(((Number) i.get("milestoneId")).longValue())).hasSize(2);
    }

    private static long draftTask(String supervisor, long planId, String title) {
        return given().auth().oauth2(supervisor).contentType(ContentType.JSON).body(Map.of("title", title))
                .when().post(taskService.url() + "/api/plans/" + planId + "/tasks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Any open milestone item of the milestone the caller sees, or null. */
    private static String itemOf(String token, long milestoneId) {
        List<Map<String, Object>> items = given().auth().oauth2(token).when().get(workflowService.url() + "/api/milestone-items")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return items.stream()
                .filter(i -> i.get("milestoneId") != null && ((Number) i.get("milestoneId")).longValue() == milestoneId)
                .map(i -> (String) i.get("id")).findFirst().orElse(null);
    }

    /** The open milestone item of that kind (SUB_REPORT, REPORT, REVIEW) the caller sees, or null. */
    private static String itemOf(String token, long milestoneId, String kind) {
        List<Map<String, Object>> items = given().auth().oauth2(token).when().get(workflowService.url() + "/api/milestone-items")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return items.stream()
                .filter(i -> kind.equals(i.get("kind")))
                .filter(i -> i.get("milestoneId") != null && ((Number) i.get("milestoneId")).longValue() == milestoneId)
                .map(i -> (String) i.get("id")).findFirst().orElse(null);
    }

    private static long newTask(String lead) {
        String supervisor = KeycloakTokens.accessToken(DemoUsers.SUPERVISOR);
        long planId = TestPlans.confirmedPlan(taskService.url(), supervisor, "端到端测试规划");
        return given().auth().oauth2(supervisor).contentType(ContentType.JSON)
                .body(Map.of("title", "端到端测试任务", "leadDepartmentCode", lead))
                .when().post(taskService.url() + "/api/plans/" + planId + "/tasks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static String assign(long taskId, String department) {
        return given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.SUPERVISOR)).contentType(ContentType.JSON)
                .body(Map.of("taskId", taskId, "departmentCode", department))
                .when().post(workflowService.url() + "/api/assignments")
                .then().statusCode(201).extract().jsonPath().getString("processInstanceId");
    }

    private static String inboxItemFor(String staffToken, long taskId) {
        return given().auth().oauth2(staffToken).queryParam("size", 100)
                .when().get(workflowService.url() + "/api/inbox")
                .then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.taskId == " + taskId + " }.id");
    }

    private static void complete(String staffToken, String itemId) {
        given().auth().oauth2(staffToken).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .when().post(workflowService.url() + "/api/inbox/" + itemId + "/complete")
                .then().statusCode(200);
    }

    private static boolean processEnded(String processInstanceId) {
        return given().auth().oauth2(KeycloakTokens.accessToken(DemoUsers.SUPERVISOR))
                .when().get(workflowService.url() + "/api/processes/" + processInstanceId)
                .then().statusCode(200).extract().jsonPath().getBoolean("ended");
    }
}
