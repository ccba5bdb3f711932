package org.luoshi.workflow.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.luoshi.workflow.process.ProcessTestEngine.advanceTo;
import static org.luoshi.workflow.process.ProcessTestEngine.management;
import static org.luoshi.workflow.process.ProcessTestEngine.runDueJobs;
import static org.luoshi.workflow.process.ProcessTestEngine.timers;
import static org.luoshi.workflow.process.ProcessTestEngine.waitingAt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.process.FixedLadder;
import org.luoshi.workflow.process.FlowCoverage;
import org.luoshi.workflow.process.ProcessTestEngine;
import org.luoshi.workflow.process.RecordingDelegate;

/**
 * 节点填报与审核 (bpmn/milestone-reporting.bpmn) on its own: the lead's report and its review loop, the co-departments'
 * sub-reports, the 提醒 → 催办 → 督办 ladder on the clock, the due date changing, and approval ending it all.
 */
@Deployment(resources = MilestoneReportingProcessTest.BPMN)
class MilestoneReportingProcessTest {
    static final String BPMN = "bpmn/milestone-reporting.bpmn";
    static final String KEY = "milestone-reporting";
    static final String DUE = "2027-03-31";
    static final Instant TRACKING_STARTS = Instant.parse("2027-01-04T02:00:00Z");

    @RegisterExtension
    static final ProcessEngineExtension CAMUNDA = ProcessTestEngine.extension();

    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(KEY, BPMN);

    RecordingDelegate recordReport;
    RecordingDelegate recordDecision;
    RecordingDelegate recordSubReport;
    RecordingDelegate ladderRung;
    RecordingDelegate rescheduleLadder;

    @BeforeEach
    void standIns() {
        ProcessTestEngine.registerCommonBeans();
        Mocks.register("ladder", new FixedLadder());
        recordReport = RecordingDelegate.register("recordReportDelegate");
        recordDecision = RecordingDelegate.register("recordDecisionDelegate");
        recordSubReport = RecordingDelegate.register("recordSubReportDelegate");
        ladderRung = RecordingDelegate.register("ladderRungDelegate");
        rescheduleLadder = RecordingDelegate.register("rescheduleLadderDelegate");
    }

    /** As MilestoneTracker starts it: one instance per open milestone, the ladder armed at the start. */
    private ProcessInstance track(String... coDepartments) {
        ProcessTestEngine.setClock(TRACKING_STARTS);
        VariableMap variables = Variables.fromMap(MilestoneReportingProcess.startVariables(7L, "建设智慧城市平台", "三（一）1",
                31L, "完成一期建设", DUE, "dept-transport", List.of(coDepartments), Date.from(TRACKING_STARTS)));
        return runtimeService().startProcessInstanceByKey(KEY, "milestone-31-test", variables);
    }

    private Task item(ProcessInstance instance, String activityId) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).singleResult();
    }

    private void submitReport(ProcessInstance instance, int round) {
        complete(item(instance, "submitReport"), withVariables("reportRound", round, "reportKey", "k" + round,
                "reportText", "一期完成" + round, "reportPercent", 60 + round, "reportSubmittedBy", "li.na"));
        runDueJobs(instance.getId());
    }

    private void review(ProcessInstance instance, String decision, String comment) {
        complete(item(instance, "reviewReport"), withVariables("reviewDecision", decision, "reviewComment", comment,
                "reviewedBy", "wang.fang", "reviewedOn", "2027-03-20"));
        runDueJobs(instance.getId());
    }

    @Test
    void trackingWaitsForTheLeadEachCoDepartmentAndTheFirstRungOfTheLadder() {
        ProcessInstance instance = track("dept-housing", "dept-water");

        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitReport", "contributeSubReport",
                "contributeSubReport", "waitReminder");
        assertThat(item(instance, "submitReport")).hasCandidateGroup("dept-transport");
        assertThat(taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("contributeSubReport").list())
                .flatExtracting(t -> taskService().getIdentityLinksForTask(t.getId()))
                .extracting(link -> link.getGroupId()).containsExactlyInAnyOrder("dept-housing", "dept-water");
        // the items are due on the milestone's date, as camunda:dueDate="${dueDate}" reads it
        assertThat(item(instance, "submitReport").getDueDate()).isEqualTo(java.sql.Timestamp.valueOf(DUE + " 00:00:00"));
        assertThat(timers(instance.getId())).containsExactly(Map.entry("waitReminder", FixedLadder.at("reminder", DUE)));
    }

    @Test
    void withoutCoDepartmentsOnlyTheLeadReports() {
        ProcessInstance instance = track();

        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitReport", "waitReminder");
        assertThat(instance).hasNotPassed("coDepartmentReporting", "coDepartmentsDone");
    }

    @Test
    void aCoDepartmentsSubReportIsRecordedWithItsOwnFieldsAndEndsOnlyItsItem() {
        ProcessInstance instance = track("dept-housing", "dept-water");
        Task housing = taskQuery().processInstanceId(instance.getId()).taskCandidateGroup("dept-housing").singleResult();

        // as MilestoneItemService does: the fields are local to the co-department's own execution
        runtimeService().setVariablesLocal(housing.getExecutionId(), Map.of("subText", "已配合完成选址", "subPercent", 100,
                "subEvidenceIds", new ArrayList<>(List.of(5L)), "subSubmittedBy", "zhao.lei"));
        taskService().complete(housing.getId());
        assertThat(instance).isWaitingAt("recordSubReport");
        runDueJobs(instance.getId());

        assertThat(recordSubReport.lastCall().variables()).containsEntry("coDepartmentCode", "dept-housing")
                .containsEntry("subText", "已配合完成选址").containsEntry("subSubmittedBy", "zhao.lei");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitReport", "contributeSubReport", "waitReminder");
        assertThat(item(instance, "contributeSubReport")).hasCandidateGroup("dept-water");
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKey("subText");
    }

    @Test
    void aSubReportTaskServiceRefusesGoesBackToThatCoDepartmentOnlyWithTheReason() {
        ProcessInstance instance = track("dept-housing", "dept-water");
        recordSubReport.refuses("evidenceIds[0]: not a file of this milestone");
        Task housing = taskQuery().processInstanceId(instance.getId()).taskCandidateGroup("dept-housing").singleResult();

        taskService().complete(housing.getId());
        runDueJobs(instance.getId());

        assertThat(instance).hasPassed("subReportRefused").hasNotPassed("subReportRecorded");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitReport", "contributeSubReport",
                "contributeSubReport", "waitReminder");
        Task again = taskQuery().processInstanceId(instance.getId()).taskCandidateGroup("dept-housing").singleResult();
        Task water = taskQuery().processInstanceId(instance.getId()).taskCandidateGroup("dept-water").singleResult();
        // the reason is the refused department's own: the other co-department's item does not see it
        assertThat(runtimeService().getVariable(again.getExecutionId(), "subReportRefusal"))
                .isEqualTo("evidenceIds[0]: not a file of this milestone");
        assertThat(runtimeService().getVariable(water.getExecutionId(), "subReportRefusal")).isNull();
        assertThat(runtimeService().getVariables(instance.getId())).doesNotContainKey("subReportRefusal");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aDecisionTaskServiceRefusesGoesBackToTheSupervisionOfficeWithTheReasonAndNoIncident() {
        ProcessInstance instance = track();
        submitReport(instance, 1);
        recordDecision.refuses("decision: the milestone was removed by an adjustment");

        review(instance, "APPROVE", null);

        assertThat(instance).hasPassed("decisionRefused").hasNotPassed("milestoneApproved").variables()
                .containsEntry("decisionRefusal", "decision: the milestone was removed by an adjustment");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("reviewReport", "waitReminder");
        assertThat(item(instance, "reviewReport")).hasCandidateGroup("role:supervisor");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(recordDecision.calls()).hasSize(1);
    }

    @Test
    void whenEveryCoDepartmentHasReportedTheirBranchEnds() {
        ProcessInstance instance = track("dept-housing");
        taskService().complete(item(instance, "contributeSubReport").getId());
        runDueJobs(instance.getId());

        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitReport", "waitReminder");
        assertThat(instance).hasPassed("subReportRecorded", "coDepartmentsDone");
    }

    @Test
    void theLeadsReportIsRecordedThenReviewedByTheSupervisionOffice() {
        ProcessInstance instance = track();

        complete(item(instance, "submitReport"), withVariables("reportRound", 1, "reportKey", "k1", "reportText", "一期完成",
                "reportPercent", 60, "reportSubmittedBy", "li.na"));
        assertThat(instance).isWaitingAt("recordReport");
        runDueJobs(instance.getId());

        assertThat(recordReport.lastCall().variables()).containsEntry("reportKey", "k1").containsEntry("reportPercent", 60)
                .containsEntry("milestoneId", 31L);
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("reviewReport", "waitReminder");
        assertThat(item(instance, "reviewReport")).hasCandidateGroup("role:supervisor");
    }

    @Test
    void aRejectedReportGoesBackToTheLeadWithTheCommentAndIsReviewedAgain() {
        ProcessInstance instance = track();
        submitReport(instance, 1);

        review(instance, "REJECT", "缺少验收材料");

        assertThat(recordDecision.lastCall().variables()).containsEntry("reviewDecision", "REJECT")
                .containsEntry("reportKey", "k1");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitReport", "waitReminder");
        assertThat(instance).variables().containsEntry("reviewComment", "缺少验收材料");

        submitReport(instance, 2);
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("reviewReport", "waitReminder");
        assertThat(recordReport.calls()).extracting(call -> call.variables().get("reportKey")).containsExactly("k1", "k2");
    }

    @Test
    void aReportTaskServiceRefusesGoesBackToTheLeadWithTheReasonAndNoRetry() {
        ProcessInstance instance = track();
        recordReport.does(execution -> {
            throw new org.camunda.bpm.engine.delegate.BpmnError("TASK_SERVICE_REFUSED", "evidenceIds[0]: not a file of this milestone");
        });

        complete(item(instance, "submitReport"), withVariables("reportRound", 1, "reportKey", "k1", "reportText", "一期完成",
                "reportPercent", 60, "reportSubmittedBy", "li.na"));
        runDueJobs(instance.getId());

        assertThat(instance).hasPassed("reportRefused").variables()
                .containsEntry("reportRefusal", "evidenceIds[0]: not a file of this milestone");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitReport", "waitReminder");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(recordReport.calls()).hasSize(1);

        recordReport.does(execution -> {
        });
        submitReport(instance, 2);
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("reviewReport", "waitReminder");
    }

    @Test
    void approvalEndsTheInstanceWithItsPendingLadderAndOpenSubReports() {
        ProcessInstance instance = track("dept-housing");
        submitReport(instance, 1);

        review(instance, "APPROVE", null);

        assertThat(recordDecision.lastCall().variables()).containsEntry("reviewDecision", "APPROVE");
        assertThat(instance).isEnded().hasPassed("milestoneApproved").hasNotPassed("coDepartmentsDone", "notifyReminder");
        assertThat(management().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(taskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void theLadderRemindsThenUrgesThenSupervisesOnTheDueDateClock() {
        ProcessInstance instance = track();
        Date reminder = FixedLadder.at("reminder", DUE);
        Date urging = FixedLadder.at("urging", DUE);
        Date supervision = FixedLadder.at("supervision", DUE);

        advanceTo(reminder.toInstant().minus(Duration.ofMinutes(1)), instance.getId());
        assertThat(ladderRung.calls()).isEmpty();

        advanceTo(reminder.toInstant(), instance.getId());
        assertThat(ladderRung.activities()).containsExactly("notifyReminder");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitReport", "waitUrging");
        assertThat(timers(instance.getId())).containsExactly(Map.entry("waitUrging", urging));

        advanceTo(urging.toInstant(), instance.getId());
        assertThat(ladderRung.activities()).containsExactly("notifyReminder", "notifyUrging");
        assertThat(timers(instance.getId())).containsExactly(Map.entry("waitSupervision", supervision));

        advanceTo(supervision.toInstant(), instance.getId());
        assertThat(ladderRung.calls()).extracting(RecordingDelegate.Call::activityId, RecordingDelegate.Call::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("notifyReminder", reminder),
                        org.assertj.core.groups.Tuple.tuple("notifyUrging", urging),
                        org.assertj.core.groups.Tuple.tuple("notifySupervision", supervision));
        // the ladder is done; the work is not
        assertThat(waitingAt(instance.getId())).containsExactly("submitReport");
        assertThat(instance).hasPassed("ladderFinished");
        assertThat(timers(instance.getId())).isEmpty();
    }

    @Test
    void aMilestoneAlreadyLateWhenTrackedReachesItsPassedRungsAtOnceAndWaitsForTheNext() {
        ProcessTestEngine.setClock(Instant.parse("2027-04-03T00:00:00Z")); // after 催办 (04-01), before 督办 (04-07)
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, Map.of("milestoneId", 31L, "dueDate",
                DUE, "leadDepartmentCode", "dept-transport", "coDepartmentCodes", new ArrayList<>(),
                "ladderArmedAt", Date.from(Instant.parse("2027-04-03T00:00:00Z"))));

        runDueJobs(instance.getId());

        // the delegate sees they lay before the arming moment and sends nothing (LadderTest); the process moves on
        assertThat(ladderRung.activities()).containsExactly("notifyReminder", "notifyUrging");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitReport", "waitSupervision");
        assertThat(timers(instance.getId())).containsExactly(Map.entry("waitSupervision", FixedLadder.at("supervision", DUE)));
    }

    @Test
    void aChangedDueDateReschedulesTheLadderWhileTheWorkAndTheLadderCarryOn() {
        ProcessInstance instance = track("dept-housing");

        runtimeService().createMessageCorrelation("milestone-dates-changed").processInstanceId(instance.getId())
                .setVariable("milestoneDueDates", new java.util.LinkedHashMap<>(Map.of("31", "2027-05-31"))).correlateWithResult();

        assertThat(rescheduleLadder.lastCall().variables()).containsEntry("milestoneDueDates", Map.of("31", "2027-05-31"))
                .containsEntry("milestoneId", 31L);
        assertThat(instance).hasPassed("ladderRescheduled");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitReport", "contributeSubReport", "waitReminder");

        // non-interrupting: a second change is caught as well
        runtimeService().createMessageCorrelation("milestone-dates-changed").processInstanceId(instance.getId())
                .setVariable("milestoneDueDates", new java.util.LinkedHashMap<>(Map.of("31", "2027-06-30"))).correlateWithResult();
        assertThat(rescheduleLadder.calls()).hasSize(2);
    }

    @Test
    void aFailingRecordOfTheReportIsRetriedPerTheRetryPolicy() {
        ProcessInstance instance = track();
        recordReport.fails();
        complete(item(instance, "submitReport"), withVariables("reportRound", 1, "reportKey", "k1"));

        ProcessTestEngine.failsAndIsRetriedPerPolicy(instance.getId(), "recordReport");

        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("recordReport", "waitReminder");
    }
}
