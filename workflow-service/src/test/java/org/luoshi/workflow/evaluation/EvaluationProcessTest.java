package org.luoshi.workflow.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.luoshi.workflow.process.ProcessTestEngine.advanceTo;
import static org.luoshi.workflow.process.ProcessTestEngine.runDueJobs;
import static org.luoshi.workflow.process.ProcessTestEngine.timers;
import static org.luoshi.workflow.process.ProcessTestEngine.waitingAt;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
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
import org.luoshi.workflow.process.FixedLadder;
import org.luoshi.workflow.process.FlowCoverage;
import org.luoshi.workflow.process.ProcessTestEngine;
import org.luoshi.workflow.process.RecordingDelegate;

/**
 * 规划实施评估 (bpmn/plan-evaluation.bpmn) on its own: the departments' 自评 with their ladder beside the evaluator's
 * report, the submission closing the 自评 still missing, the review loop and the publication.
 */
@Deployment(resources = EvaluationProcessTest.BPMN)
class EvaluationProcessTest {
    static final String BPMN = "bpmn/plan-evaluation.bpmn";
    static final String KEY = "plan-evaluation";
    static final String DUE = "2027-06-30";
    static final Instant LAUNCHED = Instant.parse("2027-05-06T02:00:00Z");

    @RegisterExtension
    static final ProcessEngineExtension CAMUNDA = ProcessTestEngine.extension();

    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(KEY, BPMN);

    RecordingDelegate createEvaluation;
    RecordingDelegate recordSelfAssessment;
    RecordingDelegate recordSubmission;
    RecordingDelegate recordReview;
    RecordingDelegate publish;
    RecordingDelegate openProposalItems;
    RecordingDelegate ladderRung;

    @BeforeEach
    void standIns() {
        ProcessTestEngine.registerCommonBeans();
        Mocks.register("ladder", new FixedLadder());
        createEvaluation = RecordingDelegate.register("createEvaluationDelegate").sets(Map.of("evaluationId", 41L,
                "departments", new ArrayList<>(List.of("dept-transport", "dept-housing")), "snapshotSha256", "abc123"));
        recordSelfAssessment = RecordingDelegate.register("recordSelfAssessmentDelegate");
        recordSubmission = RecordingDelegate.register("recordEvaluationSubmissionDelegate");
        recordReview = RecordingDelegate.register("recordEvaluationReviewDelegate");
        publish = RecordingDelegate.register("publishEvaluationDelegate")
                .sets(Map.of("publishedAt", Date.from(Instant.parse("2027-07-20T02:00:00Z"))));
        ladderRung = RecordingDelegate.register("ladderRungDelegate");
        openProposalItems = RecordingDelegate.register("openProposalItemsDelegate");
    }

    /** As EvaluationService launches it, then the created evaluation's departments are asked. */
    private ProcessInstance launch() {
        ProcessTestEngine.setClock(LAUNCHED);
        VariableMap variables = Variables.createVariables()
                .putValue("planId", 3L)
                .putValue("evaluationKind", "MID_TERM")
                .putValue("periodFrom", "2026-01-01")
                .putValue("periodTo", "2027-12-31")
                .putValue("organisation", "org-academy")
                .putValue("selfAssessmentDue", DUE)
                .putValue("dueDate", DUE)
                .putValue("launchedBy", "wang.fang")
                .putValue("taskTitle", "十四五规划中期评估")
                .putValue("submissionRound", 0)
                .putValue("ladderArmedAt", Date.from(LAUNCHED));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, "evaluation:test", variables);
        runDueJobs(instance.getId());
        return instance;
    }

    private Task item(ProcessInstance instance, String activityId, String group) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey(activityId).taskCandidateGroup(group)
                .singleResult();
    }

    private void selfAssess(ProcessInstance instance, String department) {
        Map<String, Object> form = new LinkedHashMap<>(Map.of("summary", department + " 自评", "submittedBy", "li.na"));
        complete(item(instance, "submitSelfAssessment", department), withVariables("selfAssessment", form));
        runDueJobs(instance.getId());
    }

    private void submitReport(ProcessInstance instance, int round) {
        complete(item(instance, "submitEvaluationReport", "org:org-academy"),
                withVariables("submissionRound", round, "submittedBy", "zhou.min"));
        runDueJobs(instance.getId());
    }

    private void review(ProcessInstance instance, String decision) {
        complete(item(instance, "reviewEvaluationReport", "role:supervisor"),
                withVariables("reviewDecision", decision, "reviewComment", "请补充数据来源", "reviewedBy", "wang.fang"));
        runDueJobs(instance.getId());
    }

    @Test
    void aLaunchCreatesTheEvaluationThenAsksEveryDepartmentAndTheEvaluatorAtOnce() {
        ProcessTestEngine.setClock(LAUNCHED);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, Map.of("planId", 3L));
        assertThat(waitingAt(instance.getId())).containsExactly("createEvaluation");
        runtimeService().deleteProcessInstance(instance.getId(), "test");

        instance = launch();

        assertThat(createEvaluation.lastCall().variables()).containsEntry("planId", 3L).containsEntry("organisation",
                "org-academy");
        assertThat(instance).variables().containsEntry("evaluationId", 41L);
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitSelfAssessment", "submitSelfAssessment",
                "waitReminder", "submitEvaluationReport");
        assertThat(item(instance, "submitSelfAssessment", "dept-transport")).isNotNull();
        assertThat(item(instance, "submitSelfAssessment", "dept-housing")).isNotNull();
        assertThat(item(instance, "submitEvaluationReport", "org:org-academy")).isNotNull();
        assertThat(timers(instance.getId())).containsExactly(Map.entry("waitReminder", FixedLadder.at("reminder", DUE)));
    }

    @Test
    void aDepartmentsSelfAssessmentIsRecordedFromItsOwnFormAndLeavesTheOthersOpen() {
        ProcessInstance instance = launch();

        selfAssess(instance, "dept-transport");

        assertThat(recordSelfAssessment.lastCall().variables()).containsEntry("departmentCode", "dept-transport")
                .containsEntry("selfAssessment", Map.of("summary", "dept-transport 自评", "submittedBy", "li.na"));
        // the form stays local to the department's instance (the subprocess's input parameter)
        assertThat(instance).variables().doesNotContainKey("selfAssessment");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitSelfAssessment", "waitReminder",
                "submitEvaluationReport");
        assertThat(item(instance, "submitSelfAssessment", "dept-housing")).isNotNull();
    }

    @Test
    void whenEveryDepartmentHasWrittenItsSelfAssessmentThePhaseEndsWithItsLadder() {
        ProcessInstance instance = launch();

        selfAssess(instance, "dept-transport");
        selfAssess(instance, "dept-housing");

        assertThat(instance).hasPassed("allSelfAssessmentsSettled", "selfAssessmentPhaseEnded");
        assertThat(waitingAt(instance.getId())).containsExactly("submitEvaluationReport");
        assertThat(timers(instance.getId())).isEmpty();
    }

    @Test
    void withNoDepartmentInScopeThePhaseEndsAtOnce() {
        createEvaluation.sets(Map.of("evaluationId", 41L, "departments", new ArrayList<>()));

        ProcessInstance instance = launch();

        assertThat(waitingAt(instance.getId())).containsExactly("submitEvaluationReport");
        assertThat(instance).hasPassed("selfAssessmentPhaseEnded");
    }

    @Test
    void theEvaluatorsSubmissionClosesTheSelfAssessmentsStillMissingThenGoesToReview() {
        ProcessInstance instance = launch();
        selfAssess(instance, "dept-transport");

        complete(item(instance, "submitEvaluationReport", "org:org-academy"),
                withVariables("submissionRound", 1, "submittedBy", "zhou.min"));

        assertThat(instance).hasPassed("closeSelfAssessments", "selfAssessmentMissing", "selfAssessmentPhaseEnded");
        assertThat(waitingAt(instance.getId())).containsExactly("recordSubmission");
        assertThat(timers(instance.getId())).isEmpty();
        runDueJobs(instance.getId());

        assertThat(recordSubmission.lastCall().variables()).containsEntry("submissionRound", 1)
                .containsEntry("submittedBy", "zhou.min");
        assertThat(recordSelfAssessment.calls()).extracting(call -> call.variables().get("departmentCode"))
                .containsExactly("dept-transport");
        assertThat(waitingAt(instance.getId())).containsExactly("reviewEvaluationReport");
        assertThat(item(instance, "reviewEvaluationReport", "role:supervisor")).isNotNull();
    }

    @Test
    void theSubmissionClosesOnlyItsOwnInstancesSelfAssessments() {
        ProcessInstance other = launch();
        ProcessInstance instance = launch();

        submitReport(instance, 1);

        assertThat(waitingAt(other.getId())).containsExactlyInAnyOrder("submitSelfAssessment", "submitSelfAssessment",
                "waitReminder", "submitEvaluationReport");
    }

    @Test
    void aReturnedReportGoesBackToTheEvaluatorAndAnApprovedOneIsPublished() {
        ProcessInstance instance = launch();
        submitReport(instance, 1);

        review(instance, "RETURN");

        assertThat(recordReview.lastCall().variables()).containsEntry("reviewDecision", "RETURN");
        assertThat(waitingAt(instance.getId())).containsExactly("submitEvaluationReport");
        assertThat(instance).variables().containsEntry("reviewComment", "请补充数据来源");

        // the second submission's signal finds the phase ended: nothing to close, the report goes on
        submitReport(instance, 2);
        assertThat(waitingAt(instance.getId())).containsExactly("reviewEvaluationReport");
        review(instance, "APPROVE");

        assertThat(recordSubmission.calls()).extracting(call -> call.variables().get("submissionRound")).containsExactly(1, 2);
        assertThat(publish.lastCall().variables()).containsEntry("evaluationId", 41L).containsEntry("reviewedBy", "wang.fang");
        // the approval recorded, the proposals it raised become the office's 调整建议 items — after the approval only
        assertThat(openProposalItems.calls()).hasSize(1);
        assertThat(openProposalItems.lastCall().variables()).containsEntry("evaluationId", 41L);
        assertThat(instance).isEnded().hasPassedInOrder("recordReview", "openProposalItems", "publishEvaluation",
                "evaluationPublished");
    }

    @Test
    void theLadderRemindsUrgesAndSupervisesTheDepartmentsStillMissing() {
        ProcessInstance instance = launch();
        selfAssess(instance, "dept-transport");

        advanceTo(FixedLadder.at("reminder", DUE).toInstant(), instance.getId());
        advanceTo(FixedLadder.at("urging", DUE).toInstant(), instance.getId());
        assertThat(timers(instance.getId())).containsExactly(Map.entry("waitSupervision", FixedLadder.at("supervision", DUE)));
        advanceTo(FixedLadder.at("supervision", DUE).toInstant(), instance.getId());

        assertThat(ladderRung.activities()).containsExactly("notifyReminder", "notifyUrging", "notifySupervision");
        // the ladder has run out; the missing department's item and the evaluator's stay open
        assertThat(instance).hasPassed("ladderFinished");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitSelfAssessment", "submitEvaluationReport");
    }

    private long incidents(ProcessInstance instance) {
        return runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count();
    }

    @Test
    void aSelfAssessmentTaskServiceRefusesGoesBackToThatDepartmentOnlyWithTheReason() {
        ProcessInstance instance = launch();
        recordSelfAssessment.refuses("summary: at most 4000 characters");

        selfAssess(instance, "dept-transport");

        assertThat(instance).hasPassed("selfAssessmentRefused").hasNotPassed("selfAssessmentRecorded");
        assertThat(waitingAt(instance.getId())).containsExactlyInAnyOrder("submitSelfAssessment", "submitSelfAssessment",
                "waitReminder", "submitEvaluationReport");
        Task again = item(instance, "submitSelfAssessment", "dept-transport");
        assertThat(runtimeService().getVariable(again.getExecutionId(), "selfAssessmentRefusal"))
                .isEqualTo("summary: at most 4000 characters");
        Task housing = item(instance, "submitSelfAssessment", "dept-housing");
        assertThat(runtimeService().getVariable(housing.getExecutionId(), "selfAssessmentRefusal")).isNull();
        assertThat(incidents(instance)).isZero();
    }

    @Test
    void aSubmissionTaskServiceRefusesGoesBackToTheEvaluatorWithTheReason() {
        ProcessInstance instance = launch();
        recordSubmission.refuses("report: not generated for the current scores");

        submitReport(instance, 1);

        assertThat(instance).hasPassed("submissionRefused").variables()
                .containsEntry("submissionRefusal", "report: not generated for the current scores");
        assertThat(waitingAt(instance.getId())).containsExactly("submitEvaluationReport");
        assertThat(incidents(instance)).isZero();
        assertThat(recordSubmission.calls()).hasSize(1);
    }

    @Test
    void aReviewTaskServiceRefusesGoesBackToTheSupervisionOfficeWithTheReason() {
        ProcessInstance instance = launch();
        submitReport(instance, 1);
        recordReview.refuses("evaluation 41 is not IN_REVIEW");

        review(instance, "APPROVE");

        assertThat(instance).hasPassed("reviewRefused").hasNotPassed("publishEvaluation").variables()
                .containsEntry("reviewRefusal", "evaluation 41 is not IN_REVIEW");
        assertThat(waitingAt(instance.getId())).containsExactly("reviewEvaluationReport");
        assertThat(incidents(instance)).isZero();
    }

    @Test
    void aPublicationTaskServiceRefusesTellsTheSupervisionOfficeAndEndsUnpublished() {
        RecordingDelegate notifyPublicationRefused = RecordingDelegate.register("publicationRefusedDelegate");
        ProcessInstance instance = launch();
        submitReport(instance, 1);
        publish.refuses("evaluation 41 is not APPROVED");

        review(instance, "APPROVE"); // runs the due jobs: the refused publication, then the notice

        assertThat(instance).isEnded().hasPassedInOrder("publishEvaluation", "publicationRefused",
                "notifyPublicationRefused", "evaluationNotPublished").hasNotPassed("evaluationPublished");
        assertThat(notifyPublicationRefused.lastCall().variables())
                .containsEntry("publicationRefusal", "evaluation 41 is not APPROVED").containsEntry("reviewedBy", "wang.fang");
        assertThat(incidents(instance)).isZero();
    }

    @Test
    void aCreationTaskServiceRefusesEndsNotLaunchedAndTellsTheLauncherWithoutRetry() {
        createEvaluation.does(execution -> {
            throw new org.camunda.bpm.engine.delegate.BpmnError("TASK_SERVICE_REFUSED", "planId: no task assigned yet");
        });
        RecordingDelegate notifyLaunchRefused = RecordingDelegate.register("launchRefusedDelegate");
        ProcessInstance instance = launch(); // runs the due jobs: the refused creation, then the notification

        assertThat(instance).isEnded().hasPassedInOrder("createEvaluation", "notifyLaunchRefused", "evaluationNotLaunched");
        assertThat(notifyLaunchRefused.lastCall().variables()).containsEntry("launchRefusal", "planId: no task assigned yet")
                .containsEntry("launchedBy", "wang.fang");
        assertThat(createEvaluation.calls()).hasSize(1);
    }

    @Test
    void aFailingCreationIsRetriedPerTheRetryPolicy() {
        createEvaluation.fails();
        ProcessTestEngine.setClock(LAUNCHED);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, Map.of("planId", 3L));

        ProcessTestEngine.failsAndIsRetriedPerPolicy(instance.getId(), "createEvaluation");

        assertThat(waitingAt(instance.getId())).containsExactly("createEvaluation");
    }
}
