package org.luoshi.workflow.milestone;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.workflow.WorkflowApi;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A report cycle runs many thousand times a plan, so what it writes is counted (issue 15), never timed: only variables
 * that say something (each is a runtime and a history row, a list also two byte arrays, written, read and deleted
 * again when the instance ends; a value that replaces an earlier one is still written), history rows that get their
 * removal time as they are written.
 */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class ReportCycleFootprintTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** What a report without evidence, consolidation or refusal and its approval without comment leave unsaid. */
    private static final Set<String> UNSAID = Set.of(MilestoneReportingProcess.VAR_REPORT_EVIDENCE_IDS,
            MilestoneReportingProcess.VAR_REPORT_CONSOLIDATES, MilestoneReportingProcess.VAR_REPORT_REFUSAL,
            MilestoneReportingProcess.VAR_REVIEW_COMMENT, MilestoneReportingProcess.VAR_DECISION_REFUSAL);

    @MilestoneTestResources.Inject
    MilestoneServiceStub taskService;

    @Inject
    RuntimeService runtimeService;

    @Inject
    HistoryService historyService;

    @Inject
    DataSource dataSource;

    /**
     * The engine rows one instance holds, counted per instance (deterministic, unlike a table's counters, which other
     * tests' instances and the job executor move): runtime and history variables, their byte arrays (JSON lists),
     * history activity instances, runtime executions.
     */
    record Footprint(int variables, int historyVariables, int byteArrays, int historyActivities, int executions) {
    }

    Footprint footprintOf(String pi) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("""
                        select (select count(*) from act_ru_variable where proc_inst_id_ = ?),
                               (select count(*) from act_hi_varinst where proc_inst_id_ = ?),
                               (select count(*) from act_ge_bytearray where id_ in (
                                   select bytearray_id_ from act_ru_variable where proc_inst_id_ = ?
                                   union select bytearray_id_ from act_hi_varinst where proc_inst_id_ = ?)),
                               (select count(*) from act_hi_actinst where proc_inst_id_ = ?),
                               (select count(*) from act_ru_execution where proc_inst_id_ = ?)""")) {
            for (int i = 1; i <= 6; i++) {
                statement.setString(i, pi);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return new Footprint(rows.getInt(1), rows.getInt(2), rows.getInt(3), rows.getInt(4), rows.getInt(5));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Before (main c865eb8): ten variables — the lead twice ({@code departmentCode}), an empty {@code coDepartmentCodes}
     * list (two byte arrays) — and seven history activities (the co-departments' multi-instance body entered to do
     * nothing, and its end event): 10, 10, 2, 7, 4. Before the lean history level (main 4c2dfbd): 8, 8, 0, 5, 4.
     */
    @Test
    void aStartWithoutCoDepartmentsWritesOnlyWhatItsReadersRead() {
        String pi = processOf(trackedMilestone());

        assertEquals(Set.of(MilestoneReportingProcess.VAR_TASK_ID, MilestoneReportingProcess.VAR_TASK_TITLE, "planSection",
                MilestoneReportingProcess.VAR_MILESTONE_ID, MilestoneReportingProcess.VAR_MILESTONE_TITLE,
                MilestoneReportingProcess.VAR_DUE_DATE, MilestoneReportingProcess.VAR_LEAD_DEPARTMENT,
                MilestoneReportingProcess.VAR_LADDER_ARMED_AT), runtimeService.getVariables(pi).keySet());
        assertEquals(new Footprint(8, 4, 0, 0, 4), footprintOf(pi),
                "the history keeps the task, its title, the lead and the milestone's title; no step (start, split, join, 牵头单位填报, the timer)");
        JsonPath view = as(DemoUsers.SUPERVISOR).get("/api/processes/" + pi).then().statusCode(200).extract().jsonPath();
        assertEquals("haidian", view.getString("variables.departmentCode"), "the view still names the lead department");
        assertEquals(List.of("haidian"), WorkflowApi.inboxItemsOf(DemoUsers.STAFF_HAIDIAN, pi).stream()
                .map(i -> i.get("departmentCode")).toList(), "the inbox names the lead department as the one to act");
    }

    /**
     * Before (main c865eb8): 16, 16, 2, 9, 4 waiting for the review; 0, 19, 1, 12, 0 when ended. Before the lean history
     * level (main 4c2dfbd): 14, 14, 0, 7, 4 and 0, 17, 0, 10, 0. Before h7-vars the report also stored its key
     * (14 runtime variables waiting for the review): a function of the instance and {@code reportRound}.
     */
    @Test
    void aPlainCycleLeavesOnlyItsHistory() {
        long milestoneId = trackedMilestone();
        String pi = processOf(milestoneId);
        report(pi, Map.of("text", "按期完成", "percent", 100));
        String review = awaitItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        assertEquals(new Footprint(13, 4, 0, 0, 4), footprintOf(pi), "the report's variables are not history");
        assertNull(runtimeService.getVariable(pi, MilestoneReportingProcess.VAR_REPORT_KEY), "the key follows from the round");

        approveAndAwaitTheEnd(review, pi);
        assertEquals(new Footprint(0, 5, 0, 0, 0), footprintOf(pi), "the reviewer joins the history, nothing else");
    }

    /**
     * What reads an ended milestone's history — the process view, the chase's check that it has ended — reads the
     * process instance and {@link MilestoneReportingProcess#VARIABLES_IN_HISTORY}; its steps and tasks are not written.
     */
    @Test
    void anEndedMilestoneLeavesNoStepOrTaskHistoryAndItsReadersStillAnswer() {
        String pi = processOf(trackedMilestone());
        report(pi, Map.of("text", "按期完成", "percent", 100));
        String review = awaitItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        approveAndAwaitTheEnd(review, pi);

        assertEquals(0, historyService.createHistoricActivityInstanceQuery().processInstanceId(pi).count());
        assertEquals(0, historyService.createHistoricTaskInstanceQuery().processInstanceId(pi).count());
        JsonPath view = as(DemoUsers.SUPERVISOR).get("/api/processes/" + pi).then().statusCode(200).extract().jsonPath();
        assertTrue(view.getBoolean("ended"));
        assertEquals(MilestoneReportingProcess.END_APPROVED, view.getString("endActivityId"));
        assertEquals(Set.of("taskId", "taskTitle", "departmentCode", "reviewedBy"), view.getMap("variables").keySet(),
                "what the view showed before");
        assertEquals("变量精简", view.getString("variables.taskTitle"));
        assertEquals("haidian", view.getString("variables.departmentCode"));
        assertEquals(DemoUsers.SUPERVISOR, view.getString("variables.reviewedBy"));
        as(DemoUsers.SUPERVISOR).post("/api/milestone-trackings/" + pi + "/chase").then().statusCode(409);
    }

    @Test
    void aRunningInstancesHistoryHasItsRemovalTimeFromTheStart() {
        String pi = processOf(trackedMilestone());
        HistoricProcessInstance running = historyService.createHistoricProcessInstanceQuery().processInstanceId(pi)
                .singleResult();
        assertTrue(running.getRemovalTime() != null && running.getRemovalTime().after(running.getStartTime()),
                "set at the start, so that the end updates no history row to set it");
    }


    @Test
    void aPlainReportAndItsApprovalCreateNoEmptyOrNullVariables() {
        long milestoneId = trackedMilestone();
        String pi = processOf(milestoneId);
        report(pi, Map.of("text", "按期完成", "percent", 100));

        String review = awaitItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        JsonPath card = as(DemoUsers.SUPERVISOR).get("/api/milestone-items/" + review).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), card.getList("report.evidenceIds"), "no evidence reads as an empty list");
        assertEquals(List.of(), card.getList("report.consolidates"));
        assertEquals(Set.of(), saidOf(runtimeService.getVariables(pi).keySet()));

        approveAndAwaitTheEnd(review, pi);
        assertEquals(Set.of(), saidOf(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).list()
                .stream().map(HistoricVariableInstance::getName).collect(Collectors.toSet())));
        assertEquals("APPROVED", taskService.decisionPuts(pi).get(0).json().path("decision").asText());
        assertTrue(taskService.reportPuts(milestoneId).get(0).json().path("evidenceIds").isEmpty());
    }

    @Test
    void aResubmissionWithoutEvidenceReplacesTheRejectedReportsEvidenceAndItsComment() {
        long milestoneId = trackedMilestone();
        String pi = processOf(milestoneId);
        report(pi, Map.of("text", "初稿", "percent", 50, "evidenceIds", List.of(21)));
        String review = awaitItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "REJECT", "comment", "请补充"))
                .post("/api/milestone-items/" + review + "/review").then().statusCode(200);

        awaitItem(DemoUsers.STAFF_HAIDIAN, pi, "REPORT");
        report(pi, Map.of("text", "已完成", "percent", 100));
        String again = awaitItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        JsonPath card = as(DemoUsers.SUPERVISOR).get("/api/milestone-items/" + again).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(), card.getList("report.evidenceIds"), "the new report cites nothing");
        assertEquals(List.of(21), card.getList("previousReport.evidenceIds"), "the rejected one cited a file");
        assertEquals(List.of(), runtimeService.getVariable(pi, MilestoneReportingProcess.VAR_REPORT_EVIDENCE_IDS));

        approveAndAwaitTheEnd(again, pi);
        var approval = taskService.decisionPuts(pi).get(1).json();
        assertEquals("APPROVED", approval.path("decision").asText());
        assertTrue(approval.path("comment").isNull() || approval.path("comment").isMissingNode(),
                "the approval cleared the rejection's comment");
    }

    private long trackedMilestone() {
        long taskId = uniqueTaskId();
        long milestoneId = taskId * 10 + 3;
        taskService.addTask(taskId, "变量精简", "haidian", List.of(),
                List.of(MilestoneServiceStub.milestone(milestoneId, 1, "节点" + milestoneId,
                        LocalDate.now(BEIJING).plusDays(30).toString())));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("taskId", taskId))
                .when().post("/api/milestone-trackings").then().statusCode(200);
        return milestoneId;
    }

    private String processOf(long milestoneId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKeyLike("milestone-" + milestoneId + "-%")
                .singleResult().getId();
    }

    private static void report(String pi, Map<String, Object> form) {
        String item = awaitItem(DemoUsers.STAFF_HAIDIAN, pi, "REPORT");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(form)
                .post("/api/milestone-items/" + item + "/report").then().statusCode(200);
    }

    private static Set<String> saidOf(Set<String> names) {
        return names.stream().filter(UNSAID::contains).collect(Collectors.toSet());
    }

    private static String awaitItem(String user, String pi, String kind) {
        String[] id = new String[1];
        await(user + "'s " + kind + " item").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<Map<String, Object>> items = as(user).queryParam("processInstanceId", pi).get("/api/milestone-items")
                    .then().statusCode(200).extract().jsonPath().getList("$");
            id[0] = items.stream().filter(i -> kind.equals(i.get("kind"))).map(i -> (String) i.get("id")).findFirst()
                    .orElse(null);
            return id[0] != null;
        });
        return id[0];
    }

    private void approveAndAwaitTheEnd(String reviewItem, String pi) {
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/milestone-items/" + reviewItem + "/review").then().statusCode(200);
        awaitEnded(pi);
    }

    private void awaitEnded(String pi) {
        await("process " + pi + " ends").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count() == 1);
    }
}
