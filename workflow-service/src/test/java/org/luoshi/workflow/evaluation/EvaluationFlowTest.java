package org.luoshi.workflow.evaluation;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.luoshi.workflow.WorkflowApi.as;
import static org.luoshi.workflow.WorkflowApi.inboxItemOf;
import static org.luoshi.workflow.WorkflowApi.incidentsOf;
import static org.luoshi.workflow.WorkflowApi.uniqueTaskId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.DemoUsers;
import org.luoshi.testsupport.KeycloakTokens;
import org.luoshi.workflow.WorkflowApi;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** 规划实施评估 with real tokens against a task-service stub and an in-process SMTP server. */
@QuarkusTest
@WithTestResource(EvaluationTestResources.class)
class EvaluationFlowTest {
    private static final String PROBLEM = "application/problem+json";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final List<String> DEPARTMENTS = List.of("haidian", "chaoyang");

    @EvaluationTestResources.Inject
    EvaluationServiceStub taskService;

    @EvaluationTestResources.Inject
    GreenMail mail;

    @Inject
    ManagementService managementService;

    @Inject
    HistoryService historyService;

    @Inject
    RuntimeService runtimeService;

    @Inject
    TaskService engineTasks;

    @Test
    void anEvaluationRunsFromSelfAssessmentsThroughAReturnToPublication() {
        long planId = plan();
        String pi = launch(planId, LocalDate.now(BEIJING).plusDays(20));
        long evaluationId = awaitEvaluationId(pi);
        assertCreatedOnceAsTheServiceAccount(pi, planId);

        Map<String, Object> haidianItem = awaitItem(DemoUsers.STAFF_HAIDIAN, pi, "SELF_ASSESSMENT");
        Map<String, Object> chaoyangItem = awaitItem(DemoUsers.STAFF_CHAOYANG, pi, "SELF_ASSESSMENT");
        assertEachDepartmentSeesItsOwnSelfAssessmentOnly(evaluationId, haidianItem, chaoyangItem);
        Map<String, Object> report = awaitItem(DemoUsers.EVALUATOR, pi, "REPORT");
        assertOnlyTheEvaluatorsOfTheOrganisationSeeTheReport(pi, report);

        haidianSelfAssessesOnceAsLiNa(pi, evaluationId, haidianItem);
        evaluatorSubmitsOnceTheReportIsCurrent(evaluationId, report);
        assertChaoyangClosedAndMissing(pi, chaoyangItem);
        supervisorReturnsThenApprovesTheResubmission(pi);

        awaitEnded(pi);
        JsonPath published = as(DemoUsers.EVALUATOR).get("/api/evaluations/" + pi).then().statusCode(200).extract().jsonPath();
        assertEquals("PUBLISHED", published.getString("phase"));
        assertTrue(published.getBoolean("ended"));
        assertEquals(evaluationId, published.getLong("evaluationId"));
        assertEquals("SUBMITTED", selfAssessmentOf(published, "haidian").get("status"));
        assertEquals("MISSING", selfAssessmentOf(published, "chaoyang").get("status"));
        assertEquals("PUBLISHED", taskService.evaluation(evaluationId).get("status"));
        assertEachTransitionOnceInOrderWithItsKey(pi, evaluationId);
    }

    @Test
    void anApprovalPutsEachOpenProposalInTheSupervisingOfficesInboxWhereItIsDecidedOnce() {
        long planId = plan();
        String pi = launch(planId, LocalDate.now(BEIJING).plusDays(20));
        long evaluationId = awaitEvaluationId(pi);
        // what task-service raises on approval: a finding about a late task, one about an indicator
        long late = taskService.addProposal(evaluationId, uniqueTaskId(), "怀柔科学城建设", null, "该任务节点滞后");
        long indicator = taskService.addProposal(evaluationId, null, null, 7L, "该指标难以实现");
        Map<String, Object> report = awaitItem(DemoUsers.EVALUATOR, pi, "REPORT");
        taskService.setReportsCurrent(evaluationId, true);
        as(DemoUsers.EVALUATOR).post("/api/evaluation-items/" + report.get("id") + "/submission").then().statusCode(200);
        Map<String, Object> review = awaitItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        assertEquals(List.of(), proposalItems(evaluationId), "nothing is proposed before the approval");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/evaluation-items/" + review.get("id") + "/review").then().statusCode(200);
        awaitEnded(pi);

        // one 调整建议 per open proposal, in the office's inbox, with the finding and what it names
        List<Map<String, Object>> items = proposalItems(evaluationId);
        assertEquals(2, items.size());
        Map<String, Object> lateItem = items.stream().filter(i -> ((Number) i.get("proposalId")).longValue() == late)
                .findFirst().orElseThrow();
        Map<String, Object> indicatorItem = items.stream()
                .filter(i -> ((Number) i.get("proposalId")).longValue() == indicator).findFirst().orElseThrow();
        assertEquals("末期评估报告发现1：该任务节点滞后", lateItem.get("justification"));
        assertEquals("怀柔科学城建设", lateItem.get("taskTitle"));
        assertEquals("研发投入强度", indicatorItem.get("indicatorName"));
        List<Map<String, Object>> inbox = as(DemoUsers.SUPERVISOR).queryParam("processKey", "evaluation-proposal")
                .queryParam("size", 100).get("/api/inbox").then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(inbox.stream().anyMatch(i -> lateItem.get("id").equals(i.get("id"))
                && "decideProposal".equals(i.get("activityId")) && "怀柔科学城建设".equals(i.get("taskTitle"))));
        as(DemoUsers.STAFF_HAIDIAN).get("/api/proposal-items").then().statusCode(403);

        // validation first: what task-service would refuse is 400 naming the field; a wrong role 403
        String decide = "/api/proposal-items/" + lateItem.get("id") + "/decision";
        as(DemoUsers.EVALUATOR).contentType(ContentType.JSON).body(Map.of("decision", "DECLINE", "reason", "x")).post(decide)
                .then().statusCode(403);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "DECLINE")).post(decide)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", equalTo(List.of("reason")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "ADJUST")).post(decide)
                .then().statusCode(400).body("errors.field", equalTo(List.of("adjustment")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "MAYBE")).post(decide)
                .then().statusCode(400).body("errors[0].field", containsString("decision"));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON)
                .body(Map.of("decision", "ADJUST", "adjustment", Map.of("reasonCategory", "OTHER", "newDueDate", "2027-06-30")))
                .post("/api/proposal-items/" + indicatorItem.get("id") + "/decision")
                .then().statusCode(400).body("errors.field", equalTo(List.of("adjustment.taskId")));

        // declined with the reason: the item ends, the decision is recorded once, as the person, with the step's key
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "DECLINE", "reason", "已纳入接续规划"))
                .post(decide).then().statusCode(200).body("decision", equalTo("DECLINE"));
        await("the decline recorded").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> "DECLINED".equals(taskService.proposal(late).get("status")));
        assertEquals(DemoUsers.SUPERVISOR, taskService.proposal(late).get("decidedBy"));
        assertEquals("已纳入接续规划", taskService.proposal(late).get("reason"));
        assertEquals(List.of(lateItem.get("processInstanceId") + ":decision:1"),
                taskService.requests("POST", "/api/evaluation-proposals/" + late + "/decision").stream()
                        .filter(r -> r.path().endsWith("/decision")).map(EvaluationServiceStub.Recorded::idempotencyKey).toList());
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "DECLINE", "reason", "again"))
                .post(decide).then().statusCode(404);

        // decided without the item (task-service's endpoint, service account): deciding the item says so and closes it
        taskService.decideDirectly(indicator, "规划期已结束");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "DECLINE", "reason", "不予调整"))
                .post("/api/proposal-items/" + indicatorItem.get("id") + "/decision").then().statusCode(409)
                .body("detail", containsString("already decided"));
        assertEquals(List.of(), proposalItems(evaluationId));
        assertEquals("proposalClosed", historyService.createHistoricProcessInstanceQuery()
                .processInstanceId((String) indicatorItem.get("processInstanceId")).singleResult().getEndActivityId());
    }

    private static List<Map<String, Object>> proposalItems(long evaluationId) {
        List<Map<String, Object>> all = as(DemoUsers.SUPERVISOR).get("/api/proposal-items").then().statusCode(200)
                .extract().jsonPath().getList("$");
        return all.stream().filter(i -> ((Number) i.get("evaluationId")).longValue() == evaluationId).toList();
    }

    /** task-service was asked once to create the evaluation, as the service account, with the step's key. */
    private void assertCreatedOnceAsTheServiceAccount(String pi, long planId) {
        List<EvaluationServiceStub.Recorded> creates = taskService.requests("POST", "/api/evaluations").stream()
                .filter(r -> r.path().equals("/api/evaluations") && (pi + ":createEvaluation").equals(r.idempotencyKey())).toList();
        assertEquals(1, creates.size());
        assertEquals(planId, creates.get(0).json().path("planId").asLong());
        assertEquals("MID_TERM", creates.get(0).json().path("kind").asText());
        assertEquals("kjpg", creates.get(0).json().path("organisation").asText());
        assertEquals(DemoUsers.SUPERVISOR, creates.get(0).json().path("launchedBy").asText());
        assertEquals("service-account-luoshi-workflow",
                KeycloakTokens.claims(creates.get(0).bearerToken()).path("preferred_username").asText());
    }

    /** Each department sees its own 自评 item, not the other's; the item is due when the self-assessments are. */
    private void assertEachDepartmentSeesItsOwnSelfAssessmentOnly(long evaluationId, Map<String, Object> haidianItem,
            Map<String, Object> chaoyangItem) {
        assertEquals("haidian", haidianItem.get("departmentCode"));
        assertEquals("chaoyang", chaoyangItem.get("departmentCode"));
        assertEquals(evaluationId, ((Number) haidianItem.get("evaluationId")).longValue());
        as(DemoUsers.STAFF_HAIDIAN).get("/api/evaluation-items/" + chaoyangItem.get("id")).then().statusCode(404).contentType(PROBLEM);
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(selfAssessment("海淀"))
                .post("/api/evaluation-items/" + chaoyangItem.get("id") + "/self-assessment").then().statusCode(404);
        assertNotNull(as(DemoUsers.STAFF_HAIDIAN).get("/api/inbox/" + haidianItem.get("id")).then().statusCode(200)
                .extract().path("due"), "a 自评 item is due when the self-assessments are");
    }

    /**
     * The evaluator of kjpg sees the report item in the inbox; qian.hui of zlyj sees neither it nor the evaluation;
     * the generic inbox completion is not the way to complete it.
     */
    private void assertOnlyTheEvaluatorsOfTheOrganisationSeeTheReport(String pi, Map<String, Object> report) {
        assertNotNull(inboxItemOf(DemoUsers.EVALUATOR, pi), "zhao.min's inbox lists the report item");
        assertNull(inboxItemOf(DemoUsers.EVALUATOR_OTHER_ORG, pi), "qian.hui's inbox does not");
        as(DemoUsers.EVALUATOR_OTHER_ORG).get("/api/evaluation-items/" + report.get("id")).then().statusCode(404);
        as(DemoUsers.EVALUATOR_OTHER_ORG).get("/api/inbox/" + report.get("id")).then().statusCode(404);
        as(DemoUsers.EVALUATOR_OTHER_ORG).post("/api/evaluation-items/" + report.get("id") + "/submission").then().statusCode(404);
        as(DemoUsers.EVALUATOR_OTHER_ORG).get("/api/evaluations/" + pi).then().statusCode(404).contentType(PROBLEM);
        as(DemoUsers.STAFF_HAIDIAN).get("/api/evaluations/" + pi).then().statusCode(403);
        as(DemoUsers.STAFF_HAIDIAN).get("/api/evaluation-items/" + report.get("id")).then().statusCode(404);
        as(DemoUsers.EVALUATOR).contentType(ContentType.JSON).body(Map.of("decision", "ACCEPT"))
                .post("/api/inbox/" + report.get("id") + "/complete").then().statusCode(409)
                .body("detail", containsString("/api/evaluation-items/{id}/submission"));
    }

    /** haidian writes its 自评: the form names missing fields; the write reaches task-service once, as li.na's. */
    private void haidianSelfAssessesOnceAsLiNa(String pi, long evaluationId, Map<String, Object> haidianItem) {
        String haidianPath = "/api/evaluation-items/" + haidianItem.get("id") + "/self-assessment";
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(Map.of("summary", "总结"))
                .post(haidianPath).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("achievements", "problems", "nextSteps"));
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(selfAssessment("海淀区"))
                .post(haidianPath).then().statusCode(200).body("kind", equalTo("SELF_ASSESSMENT"));
        awaitState(pi, "haidian's 自评 recorded", s -> "SUBMITTED".equals(selfAssessmentOf(s, "haidian").get("status"))
                && Boolean.TRUE.equals(selfAssessmentOf(s, "haidian").get("recorded")));
        List<EvaluationServiceStub.Recorded> puts = taskService.requests("PUT", "/api/evaluations/" + evaluationId + "/self-assessments/");
        assertEquals(1, puts.size());
        assertEquals("/api/evaluations/" + evaluationId + "/self-assessments/haidian", puts.get(0).path());
        assertEquals(pi + ":selfAssessment:haidian", puts.get(0).idempotencyKey());
        assertEquals(DemoUsers.STAFF_HAIDIAN, puts.get(0).json().path("submittedBy").asText());
        assertEquals("海淀区工作总结", puts.get(0).json().path("summary").asText());
        assertEquals("海淀区下一步", puts.get(0).json().path("nextSteps").asText());
    }

    /** zhao.min submits before chaoyang has written: refused while task-service has no current report, then accepted. */
    private void evaluatorSubmitsOnceTheReportIsCurrent(long evaluationId, Map<String, Object> report) {
        String submit = "/api/evaluation-items/" + report.get("id") + "/submission";
        as(DemoUsers.EVALUATOR).post(submit).then().statusCode(409).body("detail", containsString("/reports"));
        taskService.setReportsCurrent(evaluationId, true);
        as(DemoUsers.EVALUATOR).post(submit).then().statusCode(200).body("kind", equalTo("REPORT"));
    }

    /** The submission closed chaoyang's open item; chaoyang stays MISSING. */
    private void assertChaoyangClosedAndMissing(String pi, Map<String, Object> chaoyangItem) {
        JsonPath inReview = awaitState(pi, "in review", s -> "IN_REVIEW".equals(s.getString("phase")));
        assertFalse(inReview.getBoolean("selfAssessmentsOpen"));
        assertEquals("MISSING", selfAssessmentOf(inReview, "chaoyang").get("status"));
        assertEquals(false, selfAssessmentOf(inReview, "chaoyang").get("open"));
        as(DemoUsers.STAFF_CHAOYANG).get("/api/evaluation-items/" + chaoyangItem.get("id")).then().statusCode(404);
        assertEquals(List.of(), items(DemoUsers.STAFF_CHAOYANG, pi));
    }

    /** The supervisor returns the report with a comment (required); the evaluator sees it, resubmits; approved. */
    private void supervisorReturnsThenApprovesTheResubmission(String pi) {
        Map<String, Object> review = awaitItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        String reviewPath = "/api/evaluation-items/" + review.get("id") + "/review";
        as(DemoUsers.EVALUATOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE")).post(reviewPath)
                .then().statusCode(403);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "RETURN")).post(reviewPath)
                .then().statusCode(400).body("errors.field", equalTo(List.of("comment")));
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "RETURN", "comment", "请补充指标分析"))
                .post(reviewPath).then().statusCode(200).body("decision", equalTo("RETURN"));

        Map<String, Object> again = awaitItem(DemoUsers.EVALUATOR, pi, "REPORT");
        JsonPath againView = as(DemoUsers.EVALUATOR).get("/api/evaluation-items/" + again.get("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("请补充指标分析", againView.getString("lastReturn.comment"));
        assertEquals(DemoUsers.SUPERVISOR, againView.getString("lastReturn.decidedBy"));
        assertEquals("RETURNED", awaitState(pi, "returned", s -> "RETURNED".equals(s.getString("phase"))).getString("phase"));
        as(DemoUsers.EVALUATOR).post("/api/evaluation-items/" + again.get("id") + "/submission").then().statusCode(200);

        Map<String, Object> review2 = awaitItem(DemoUsers.SUPERVISOR, pi, "REVIEW");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .post("/api/evaluation-items/" + review2.get("id") + "/review").then().statusCode(200);
    }

    /** Each transition reached task-service once, in order, with its key. */
    private void assertEachTransitionOnceInOrderWithItsKey(String pi, long evaluationId) {
        String base = "/api/evaluations/" + evaluationId + "/";
        assertEquals(List.of(pi + ":submission:1", pi + ":submission:2"),
                taskService.requests("POST", base + "submission").stream().map(EvaluationServiceStub.Recorded::idempotencyKey)
                        .filter(k -> k != null).distinct().toList());
        List<EvaluationServiceStub.Recorded> reviews = taskService.requests("POST", base + "review");
        assertEquals(2, reviews.size());
        assertEquals(pi + ":review:1", reviews.get(0).idempotencyKey());
        assertEquals("RETURN", reviews.get(0).json().path("decision").asText());
        assertEquals("请补充指标分析", reviews.get(0).json().path("comment").asText());
        assertEquals(DemoUsers.SUPERVISOR, reviews.get(0).json().path("decidedBy").asText());
        assertEquals(pi + ":review:2", reviews.get(1).idempotencyKey());
        assertEquals("APPROVE", reviews.get(1).json().path("decision").asText());
        List<EvaluationServiceStub.Recorded> publications = taskService.requests("POST", base + "publication");
        assertEquals(1, publications.size());
        assertEquals(pi + ":publication", publications.get(0).idempotencyKey());
    }

    @Test
    void aSelfAssessmentTaskServiceRefusesBecomesAnIncidentAndHoldsBackTheSubmission() {
        long planId = plan();
        String pi = launch(planId, LocalDate.now(BEIJING).plusDays(20));
        long evaluationId = awaitEvaluationId(pi);
        taskService.setReportsCurrent(evaluationId, true);
        String failing = "/api/evaluations/" + evaluationId + "/self-assessments/";
        taskService.fail(failing);
        try {
            Map<String, Object> item = awaitItem(DemoUsers.STAFF_HAIDIAN, pi, "SELF_ASSESSMENT");
            as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(selfAssessment("海淀区"))
                    .post("/api/evaluation-items/" + item.get("id") + "/self-assessment").then().statusCode(200);
            await("an incident for the refused 自评").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> incidentsOf(pi).getLong("total") == 1);
            assertEquals("recordSelfAssessment", incidentsOf(pi).getString("items[0].activityId"));
            assertEquals(2, taskService.requests("PUT", failing).size(), "two attempts (R2), then the incident");
            JsonPath state = as(DemoUsers.SUPERVISOR).get("/api/evaluations/" + pi).then().statusCode(200).extract().jsonPath();
            assertEquals(1, state.getLong("openIncidents"));
            assertEquals("SUBMITTED", selfAssessmentOf(state, "haidian").get("status"));
            assertEquals(false, selfAssessmentOf(state, "haidian").get("recorded"));

            // the evaluator cannot submit past a 自评 that has not reached task-service
            Map<String, Object> report = awaitItem(DemoUsers.EVALUATOR, pi, "REPORT");
            as(DemoUsers.EVALUATOR).post("/api/evaluation-items/" + report.get("id") + "/submission").then().statusCode(409)
                    .body("detail", containsString("still being recorded"));

            taskService.recover(failing);
            as(DemoUsers.SUPERVISOR).post("/api/incidents/" + incidentsOf(pi).getString("items[0].id") + "/retry")
                    .then().statusCode(202);
            awaitState(pi, "haidian recorded after the retry",
                    s -> Boolean.TRUE.equals(selfAssessmentOf(s, "haidian").get("recorded")));
            assertEquals(3, taskService.requests("PUT", failing).size());
            assertEquals(1, taskService.requests("PUT", failing).stream().map(EvaluationServiceStub.Recorded::idempotencyKey)
                    .distinct().count(), "the same key on every attempt");
            as(DemoUsers.EVALUATOR).post("/api/evaluation-items/" + report.get("id") + "/submission").then().statusCode(200);
        } finally {
            taskService.recover(failing);
        }
    }

    @Test
    void creatingTheEvaluationFailingIsAnIncidentTheStateShows() {
        long planId = plan();
        taskService.fail("/api/evaluations");
        String pi;
        try {
            pi = launch(planId, LocalDate.now(BEIJING).plusDays(20));
            await("an incident for createEvaluation").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> incidentsOf(pi).getLong("total") == 1);
            assertEquals("createEvaluation", incidentsOf(pi).getString("items[0].activityId"));
            JsonPath state = as(DemoUsers.SUPERVISOR).get("/api/evaluations/" + pi).then().statusCode(200).extract().jsonPath();
            assertEquals("LAUNCHING", state.getString("phase"));
            assertEquals(1, state.getLong("openIncidents"));
            assertNull(state.get("evaluationId"));
        } finally {
            taskService.recover("/api/evaluations");
        }
        as(DemoUsers.SUPERVISOR).post("/api/incidents/" + incidentsOf(pi).getString("items[0].id") + "/retry").then().statusCode(202);
        awaitEvaluationId(pi);
        assertEquals(1, taskService.requests("POST", "/api/evaluations").stream()
                .filter(r -> (pi + ":createEvaluation").equals(r.idempotencyKey())).map(r -> r.idempotencyKey()).distinct().count());
    }

    @Test
    void theLadderRemindsUrgesAndSupervisesOnlyTheDepartmentsStillMissing() {
        LocalDate due = LocalDate.now(BEIJING).plusDays(10);
        String pi = launch(plan(), due);
        awaitEvaluationId(pi);
        Map<String, Object> item = awaitItem(DemoUsers.STAFF_HAIDIAN, pi, "SELF_ASSESSMENT");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(selfAssessment("海淀区"))
                .post("/api/evaluation-items/" + item.get("id") + "/self-assessment").then().statusCode(200);
        awaitState(pi, "haidian recorded", s -> Boolean.TRUE.equals(selfAssessmentOf(s, "haidian").get("recorded")));
        try {
            assertTimer(pi, "waitReminder", at(due.minusDays(7)));
            moveClockAndRunTimers(pi, at(due.minusDays(7)).plusSeconds(60));
            awaitNotification(DemoUsers.STAFF_CHAOYANG, pi, "REMINDER");
            awaitMail("chaoyang@demo.luoshi.example", "【提醒】");
            assertTimer(pi, "waitUrging", at(due.plusDays(1)));

            moveClockAndRunTimers(pi, at(due.plusDays(1)).plusSeconds(60));
            awaitNotification(DemoUsers.STAFF_CHAOYANG, pi, "URGING");
            assertTimer(pi, "waitSupervision", at(due.plusDays(7)));

            moveClockAndRunTimers(pi, at(due.plusDays(7)).plusSeconds(60));
            awaitNotification(DemoUsers.SUPERVISOR, pi, "SUPERVISION");
            awaitMail("supervision@demo.luoshi.example", "【督办】");
        } finally {
            ClockUtil.reset();
        }
        assertEquals(List.of("SUPERVISION", "URGING", "REMINDER"),
                notificationsOf(DemoUsers.STAFF_CHAOYANG, pi).stream().map(n -> n.get("kind")).toList());
        assertEquals(List.of(), notificationsOf(DemoUsers.STAFF_HAIDIAN, pi), "haidian has written: told nothing");
        assertEquals(0, managementService.createJobQuery().processInstanceId(pi).timers().count(), "the ladder is done");
    }

    /** The lean history level leaves out milestone instances' steps; an evaluation's (EvaluationFacts reads them) stay. */
    @Test
    void anEvaluationsHistoryKeepsEveryStepTaskAndVariable() {
        String pi = launch(plan(), LocalDate.now(BEIJING).plusDays(20));
        awaitEvaluationId(pi);
        awaitItem(DemoUsers.STAFF_HAIDIAN, pi, "SELF_ASSESSMENT");

        assertEquals(1, historyService.createHistoricActivityInstanceQuery().processInstanceId(pi)
                .activityId("selfAssessmentPhase").count());
        assertEquals(engineTasks.createTaskQuery().processInstanceId(pi).count(),
                historyService.createHistoricTaskInstanceQuery().processInstanceId(pi).unfinished().count());
        assertTrue(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi).list().stream()
                .map(v -> v.getName()).toList().containsAll(runtimeService.getVariables(pi).keySet()));
    }

    @Test
    void whenEveryDepartmentHasWrittenThePhaseEndsAndItsTimerWithIt() {
        String pi = launch(plan(), LocalDate.now(BEIJING).plusDays(20));
        awaitEvaluationId(pi);
        assertEquals(1, managementService.createJobQuery().processInstanceId(pi).timers().count(), "the reminder waits");
        for (String user : List.of(DemoUsers.STAFF_HAIDIAN, DemoUsers.STAFF_CHAOYANG)) {
            Map<String, Object> item = awaitItem(user, pi, "SELF_ASSESSMENT");
            as(user).contentType(ContentType.JSON).body(selfAssessment(user))
                    .post("/api/evaluation-items/" + item.get("id") + "/self-assessment").then().statusCode(200);
        }
        JsonPath state = awaitState(pi, "both recorded", s -> s.getList("selfAssessments.recorded").equals(List.of(true, true)));
        assertFalse(state.getBoolean("selfAssessmentsOpen"));
        await("the phase ends").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> historyService.createHistoricActivityInstanceQuery().processInstanceId(pi)
                        .activityId("selfAssessmentPhase").finished().count() == 1);
        assertEquals(0, managementService.createJobQuery().processInstanceId(pi).timers().count(), "no ladder timer is left");
        assertEquals("SELF_ASSESSMENT", state.getString("phase"), "the evaluator still works");
        assertNotNull(awaitItem(DemoUsers.EVALUATOR, pi, "REPORT"));
    }

    @Test
    void chaseTellsTheMissingDepartmentsAndOnlyTheOrganisationsEvaluatorOrASupervisorMayChase() {
        String pi = launch(plan(), LocalDate.now(BEIJING).plusDays(20));
        awaitEvaluationId(pi);
        Map<String, Object> item = awaitItem(DemoUsers.STAFF_HAIDIAN, pi, "SELF_ASSESSMENT");
        awaitItem(DemoUsers.STAFF_CHAOYANG, pi, "SELF_ASSESSMENT");
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(selfAssessment("海淀区"))
                .post("/api/evaluation-items/" + item.get("id") + "/self-assessment").then().statusCode(200);

        as(DemoUsers.EVALUATOR).post("/api/evaluations/" + pi + "/chase").then().statusCode(200)
                .body("chased", equalTo(List.of("chaoyang")));
        awaitNotification(DemoUsers.STAFF_CHAOYANG, pi, "URGING");
        awaitMail("chaoyang@demo.luoshi.example", "【催办】");
        assertEquals(List.of(), notificationsOf(DemoUsers.STAFF_HAIDIAN, pi));
        assertEquals(1, notificationsOf(DemoUsers.STAFF_CHAOYANG, pi).size());

        as(DemoUsers.EVALUATOR_OTHER_ORG).post("/api/evaluations/" + pi + "/chase").then().statusCode(404);
        as(DemoUsers.STAFF_CHAOYANG).post("/api/evaluations/" + pi + "/chase").then().statusCode(403);
        as(DemoUsers.SUPERVISOR).post("/api/evaluations/no-such-process/chase").then().statusCode(404);
    }

    @Test
    void aDepartmentIsChasedAtMostOnceADayAndARepeatedChaseSaysWhoWasRefusedAndWhy() {
        String pi = launch(plan(), LocalDate.now(BEIJING).plusDays(20));
        awaitEvaluationId(pi);
        awaitItem(DemoUsers.STAFF_HAIDIAN, pi, "SELF_ASSESSMENT");
        awaitItem(DemoUsers.STAFF_CHAOYANG, pi, "SELF_ASSESSMENT");
        as(DemoUsers.EVALUATOR).post("/api/evaluations/" + pi + "/chase").then().statusCode(200)
                .body("chased", equalTo(List.of("chaoyang", "haidian"))).body("refused", equalTo(List.of()));
        for (String chaser : List.of(DemoUsers.EVALUATOR, DemoUsers.SUPERVISOR, DemoUsers.EVALUATOR)) {
            as(chaser).post("/api/evaluations/" + pi + "/chase").then().statusCode(200)
                    .body("chased", equalTo(List.of()))
                    .body("refused.departmentCode", equalTo(List.of("chaoyang", "haidian")))
                    .body("refused[0].reason", containsString("once a day"));
        }
        assertEquals(1, notificationsOf(DemoUsers.STAFF_CHAOYANG, pi).size(), "one 催办 a day, however often asked");
        assertEquals(1, notificationsOf(DemoUsers.STAFF_HAIDIAN, pi).size());
    }

    @Test
    void launchingOnADraftPlanOrWithASelfAssessmentDueInThePastIsRefusedAtOnceNamingTheField() {
        long draft = uniqueTaskId();
        taskService.addPlan(draft, "草稿规划", DEPARTMENTS, "DRAFT");
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(launchBody(draft, LocalDate.now(BEIJING).plusDays(20)))
                .post("/api/evaluations").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("planId")));
        long inForce = plan();
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(launchBody(inForce, LocalDate.now(BEIJING).minusDays(1)))
                .post("/api/evaluations").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("selfAssessmentDue")));
        assertTrue(taskService.requests("POST", "/api/evaluations").stream().filter(r -> r.path().equals("/api/evaluations"))
                .noneMatch(r -> List.of(draft, inForce).contains(r.json().path("planId").asLong())),
                "nothing was started to fail later in task-service");
    }

    @Test
    void anEvaluationTaskServiceRefusesToCreateEndsRefusedAndTellsTheLauncherWhyInsteadOfAnIncident() {
        long planId = uniqueTaskId();
        taskService.addPlan(planId, "无人可评的规划", List.of());
        String pi = launch(planId, LocalDate.now(BEIJING).plusDays(20));
        JsonPath state = WorkflowApi.awaitProcess(pi, "the refused launch ends", s -> s.getBoolean("ended"));
        assertEquals("evaluationNotLaunched", state.getString("endActivityId"));
        assertTrue(state.getString("variables.launchRefusal").contains("no task assigned"), state.prettify());
        as(DemoUsers.SUPERVISOR).get("/api/evaluations/" + pi).then().statusCode(200).body("phase", equalTo("REFUSED"));
        assertEquals(1, taskService.requests("POST", "/api/evaluations").stream().filter(r -> r.path().equals("/api/evaluations"))
                .filter(r -> r.json().path("planId").asLong() == planId).count(), "refused once, not retried");
        awaitNotification(DemoUsers.SUPERVISOR, pi, "EVALUATION_REFUSED");
        assertEquals(0, WorkflowApi.incidentsOf(pi).getList("items").size(), "no incident");
    }

    @Test
    void launchingNamesEachBadFieldAndIsForSupervisorsOnly() {
        long planId = plan();
        Map<String, Object> good = launchBody(planId, LocalDate.now(BEIJING).plusDays(20));
        as(DemoUsers.EVALUATOR).contentType(ContentType.JSON).body(good).post("/api/evaluations").then().statusCode(403);
        as(DemoUsers.STAFF_HAIDIAN).contentType(ContentType.JSON).body(good).post("/api/evaluations").then().statusCode(403);
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(Map.of()).post("/api/evaluations").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", containsInAnyOrder("planId", "kind", "periodFrom", "periodTo",
                        "organisation", "selfAssessmentDue"));
        assertBad(with(good, "kind", "MIDTERM"), "kind");
        assertBad(with(good, "periodFrom", "2024/01/01"), "periodFrom");
        assertBad(with(good, "periodTo", "2020-12-31"), "periodTo");
        assertBad(with(good, "selfAssessmentDue", "2026-02-30"), "selfAssessmentDue");
        assertBad(with(good, "organisation", "nope"), "organisation");
        assertBad(with(good, "planId", uniqueTaskId()), "planId");
    }

    // --- helpers -----------------------------------------------------------------------------------

    private long plan() {
        long planId = uniqueTaskId();
        taskService.addPlan(planId, "北京市“十四五”时期国际科技创新中心建设规划", DEPARTMENTS);
        return planId;
    }

    private static Map<String, Object> launchBody(long planId, LocalDate due) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", planId);
        body.put("kind", "MID_TERM");
        body.put("periodFrom", "2021-01-01");
        body.put("periodTo", "2023-06-30");
        body.put("organisation", "kjpg");
        body.put("selfAssessmentDue", due.toString());
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private static void assertBad(Map<String, Object> body, String field) {
        as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(body).post("/api/evaluations").then().statusCode(400)
                .contentType(PROBLEM).body("errors.field", equalTo(List.of(field)));
    }

    private static String launch(long planId, LocalDate due) {
        JsonPath launched = as(DemoUsers.SUPERVISOR).contentType(ContentType.JSON).body(launchBody(planId, due))
                .post("/api/evaluations").then().statusCode(201).extract().jsonPath();
        assertTrue(launched.getString("businessKey").startsWith("evaluation:"));
        return launched.getString("processInstanceId");
    }

    private static Map<String, Object> selfAssessment(String who) {
        return Map.of("summary", who + "工作总结", "achievements", who + "主要成效", "problems", who + "存在问题",
                "nextSteps", who + "下一步");
    }

    private static JsonPath awaitState(String pi, String description, Predicate<JsonPath> condition) {
        JsonPath[] last = new JsonPath[1];
        await(description).atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> condition.test(last[0] = as(DemoUsers.SUPERVISOR).get("/api/evaluations/" + pi)
                        .then().statusCode(200).extract().jsonPath()));
        return last[0];
    }

    private static long awaitEvaluationId(String pi) {
        return awaitState(pi, "the evaluation is created", s -> s.get("evaluationId") != null).getLong("evaluationId");
    }

    private static Map<String, Object> selfAssessmentOf(JsonPath state, String department) {
        List<Map<String, Object>> all = state.getList("selfAssessments");
        return all.stream().filter(s -> department.equals(s.get("departmentCode"))).findFirst().orElseThrow();
    }

    private static List<Map<String, Object>> items(String user, String pi) {
        return as(user).queryParam("processInstanceId", pi).get("/api/evaluation-items").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static Map<String, Object> awaitItem(String user, String pi, String kind) {
        List<Map<String, Object>> found = new ArrayList<>();
        await(user + "'s " + kind + " item").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            found.clear();
            items(user, pi).stream().filter(i -> kind.equals(i.get("kind"))).forEach(found::add);
            return found.size() == 1;
        });
        return found.get(0);
    }

    private void awaitEnded(String pi) {
        await("process " + pi + " ends").atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).finished().count() == 1);
    }

    private static Instant at(LocalDate day) {
        return day.atTime(LocalTime.of(9, 0)).atZone(BEIJING).toInstant();
    }

    private void assertTimer(String pi, String activityId, Instant expected) {
        List<Job> timers = managementService.createJobQuery().processInstanceId(pi).timers().list();
        assertEquals(1, timers.size(), "one pending ladder timer");
        assertEquals(activityId, managementService.createJobDefinitionQuery()
                .jobDefinitionId(timers.get(0).getJobDefinitionId()).singleResult().getActivityId());
        assertEquals(Date.from(expected), timers.get(0).getDuedate());
    }

    private void moveClockAndRunTimers(String pi, Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        Date limit = new Date(now.toEpochMilli() + 1000);
        for (Job job : managementService.createJobQuery().processInstanceId(pi).timers().duedateLowerThan(limit).list()) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException alreadyTaken) {
                // the job executor ran it meanwhile
            }
        }
    }

    private static List<Map<String, Object>> notificationsOf(String user, String pi) {
        List<Map<String, Object>> items = as(user).queryParam("size", 100).get("/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(n -> pi.equals(n.get("processInstanceId"))).toList();
    }

    private static void awaitNotification(String user, String pi, String kind) {
        await(kind + " for " + user).atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> notificationsOf(user, pi).stream().anyMatch(n -> kind.equals(n.get("kind"))));
    }

    private void awaitMail(String to, String subjectStart) {
        await("mail to " + to + ": " + subjectStart).atMost(WorkflowApi.JOB_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    for (MimeMessage message : mail.getReceivedMessages()) {
                        if (message.getSubject() != null && message.getSubject().startsWith(subjectStart)
                                && java.util.Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(to))) {
                            return true;
                        }
                    }
                    return false;
                });
    }
}
