package org.luoshi.workflow.adjustment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.luoshi.workflow.process.ProcessTestEngine.runDueJobs;
import static org.luoshi.workflow.process.ProcessTestEngine.waitingAt;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.workflow.process.FlowCoverage;
import org.luoshi.workflow.process.ProcessTestEngine;
import org.luoshi.workflow.process.RecordingDelegate;

/** 动态调整 (bpmn/task-adjustment.bpmn) on its own: review, approval, application, and a rejection at either step. */
@Deployment(resources = AdjustmentProcessTest.BPMN)
class AdjustmentProcessTest {
    static final String BPMN = "bpmn/task-adjustment.bpmn";
    static final String KEY = "task-adjustment";

    @RegisterExtension
    static final ProcessEngineExtension CAMUNDA = ProcessTestEngine.extension();

    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(KEY, BPMN);

    RecordingDelegate applyAdjustment;
    RecordingDelegate announceMilestoneDates;
    RecordingDelegate adjustmentRejected;

    @BeforeEach
    void standIns() {
        ProcessTestEngine.registerCommonBeans();
        applyAdjustment = RecordingDelegate.register("applyAdjustmentDelegate")
                .sets(Map.of("revision", 2, "milestoneDueDatesAfter", new java.util.LinkedHashMap<>(Map.of("31", "2027-05-31"))));
        announceMilestoneDates = RecordingDelegate.register("announceMilestoneDatesDelegate");
        adjustmentRejected = RecordingDelegate.register("adjustmentRejectedDelegate");
    }

    /** As AdjustmentService starts it; the unchanged parts of the request are null. */
    private ProcessInstance request() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("taskId", 7L);
        variables.put("taskTitle", "建设智慧城市平台");
        variables.put("departmentCode", "dept-transport");
        variables.put("reasonCategory", "POLICY_CHANGE");
        variables.put("justification", "上级政策调整");
        variables.put("newDueDate", null);
        variables.put("milestoneDueDates", new java.util.LinkedHashMap<>(Map.of("31", "2027-05-31")));
        variables.put("newLeadDepartmentCode", null);
        variables.put("newTitle", null);
        variables.put("requestedBy", "li.na");
        return runtimeService().startProcessInstanceByKey(KEY, "adjustment-7-test", variables);
    }

    private static Map<String, Object> decided(String step, String decision, String comment, String by) {
        Map<String, Object> variables = new HashMap<>();
        boolean review = step.equals("review");
        variables.put(review ? "reviewDecision" : "approvalDecision", decision);
        variables.put(review ? "reviewComment" : "approvalComment", comment);
        variables.put(review ? "reviewedBy" : "approvedBy", by);
        if (decision.equals("REJECT")) { // as AdjustmentItemService: whichever step rejects names itself
            variables.put("rejectionComment", comment);
            variables.put("rejectedBy", by);
        }
        return variables;
    }

    @Test
    void anApprovedAdjustmentTaskServiceRefusesTellsTheRequesterWhyAndEndsWithoutIncident() {
        ProcessInstance instance = request();
        applyAdjustment.refuses("milestoneDueDates[31]: the milestone is done");
        complete(task(instance), decided("review", "APPROVE", "同意", "wang.fang"));
        complete(task(instance), decided("approval", "APPROVE", null, "chen.jie"));

        runDueJobs(instance.getId()); // the refused application, then the notice

        assertThat(instance).hasPassedInOrder("applyAdjustment", "applyRefused", "notifyRejection", "adjustmentRejected")
                .hasNotPassed("announceMilestoneDates").isEnded();
        assertThat(adjustmentRejected.lastCall().variables())
                .containsEntry("applyRefusal", "milestoneDueDates[31]: the milestone is done")
                .containsEntry("requestedBy", "li.na");
        assertThat(applyAdjustment.calls()).hasSize(1);
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aRequestWaitsForTheSupervisionOfficesReview() {
        ProcessInstance instance = request();

        assertThat(waitingAt(instance.getId())).containsExactly("reviewAdjustment");
        assertThat(task(instance)).hasCandidateGroup("role:supervisor");
        assertThat(instance).variables().containsEntry("justification", "上级政策调整").containsEntry("requestedBy", "li.na");
    }

    @Test
    void aReviewedRequestWaitsForTheLeadershipsApproval() {
        ProcessInstance instance = request();

        complete(task(instance), decided("review", "APPROVE", "同意", "wang.fang"));

        assertThat(waitingAt(instance.getId())).containsExactly("approveAdjustment");
        assertThat(task(instance)).hasCandidateGroup("role:admin");
    }

    @Test
    void anApprovedRequestIsAppliedThenAnnouncedToTheMilestonesInOneStep() {
        ProcessInstance instance = request();
        complete(task(instance), decided("review", "APPROVE", "同意", "wang.fang"));

        complete(task(instance), decided("approval", "APPROVE", null, "chen.jie"));
        assertThat(waitingAt(instance.getId())).containsExactly("applyAdjustment");
        runDueJobs(instance.getId());

        assertThat(applyAdjustment.lastCall().variables()).containsEntry("reviewedBy", "wang.fang")
                .containsEntry("approvedBy", "chen.jie").containsEntry("milestoneDueDates", Map.of("31", "2027-05-31"));
        // the announcement reads what the application stored from task-service's answer
        assertThat(announceMilestoneDates.lastCall().variables()).containsEntry("revision", 2)
                .containsEntry("milestoneDueDatesAfter", new java.util.LinkedHashMap<>(Map.of("31", "2027-05-31")));
        assertThat(instance).isEnded().hasPassedInOrder("applyAdjustment", "announceMilestoneDates", "adjustmentApplied")
                .hasNotPassed("notifyRejection");
        assertThat(adjustmentRejected.calls()).isEmpty();
    }

    @Test
    void aRejectionAtReviewTellsTheRequesterAndEnds() {
        ProcessInstance instance = request();

        complete(task(instance), decided("review", "REJECT", "理由不充分", "wang.fang"));
        assertThat(waitingAt(instance.getId())).containsExactly("notifyRejection");
        runDueJobs(instance.getId());

        assertThat(adjustmentRejected.lastCall().variables()).containsEntry("rejectionComment", "理由不充分")
                .containsEntry("rejectedBy", "wang.fang").doesNotContainKey("approvalDecision");
        assertThat(instance).isEnded().hasPassed("adjustmentRejected").hasNotPassed("approveAdjustment", "applyAdjustment");
    }

    @Test
    void aRejectionAtApprovalTellsTheRequesterAndEnds() {
        ProcessInstance instance = request();
        complete(task(instance), decided("review", "APPROVE", "同意", "wang.fang"));

        complete(task(instance), decided("approval", "REJECT", "暂缓调整", "chen.jie"));
        runDueJobs(instance.getId());

        assertThat(adjustmentRejected.lastCall().variables()).containsEntry("rejectionComment", "暂缓调整")
                .containsEntry("rejectedBy", "chen.jie").containsEntry("approvalDecision", "REJECT");
        assertThat(instance).isEnded().hasPassed("adjustmentRejected").hasNotPassed("applyAdjustment");
        assertThat(applyAdjustment.calls()).isEmpty();
    }

    @Test
    void aFailingApplicationIsRetriedPerTheRetryPolicy() {
        ProcessInstance instance = request();
        complete(task(instance), decided("review", "APPROVE", "同意", "wang.fang"));
        complete(task(instance), decided("approval", "APPROVE", null, "chen.jie"));
        applyAdjustment.fails();

        ProcessTestEngine.failsAndIsRetriedPerPolicy(instance.getId(), "applyAdjustment");

        assertThat(waitingAt(instance.getId())).containsExactly("applyAdjustment");
        assertThat(announceMilestoneDates.calls()).isEmpty();
    }

    @Test
    void aFailingAnnouncementUndoesTheStepAndRetriesTheApplicationWithIt() {
        ProcessInstance instance = request();
        complete(task(instance), decided("review", "APPROVE", "同意", "wang.fang"));
        complete(task(instance), decided("approval", "APPROVE", null, "chen.jie"));
        announceMilestoneDates.fails();

        // announceMilestoneDates has no async boundary of its own: it shares applyAdjustment's job and its retries
        ProcessTestEngine.failsAndIsRetriedPerPolicy(instance.getId(), "applyAdjustment");

        assertThat(instance).variables().doesNotContainKey("revision");
        assertThat(applyAdjustment.calls()).hasSize(1);
    }

    @Test
    void aFailingRejectionNoticeIsRetriedPerTheRetryPolicy() {
        ProcessInstance instance = request();
        adjustmentRejected.fails();
        complete(task(instance), decided("review", "REJECT", "理由不充分", "wang.fang"));

        ProcessTestEngine.failsAndIsRetriedPerPolicy(instance.getId(), "notifyRejection");

        assertThat(waitingAt(instance.getId())).containsExactly("notifyRejection");
    }
}
