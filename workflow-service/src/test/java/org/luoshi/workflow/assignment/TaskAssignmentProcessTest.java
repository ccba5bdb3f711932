package org.luoshi.workflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.luoshi.workflow.process.ProcessTestEngine.management;
import static org.luoshi.workflow.process.ProcessTestEngine.runDueJobs;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.workflow.process.FlowCoverage;
import org.luoshi.workflow.process.ProcessTestEngine;
import org.luoshi.workflow.process.RecordingDelegate;

/** 任务交办 (bpmn/task-assignment.bpmn) on its own: every path, on the in-memory engine with its delegates stood in. */
@Deployment(resources = TaskAssignmentProcessTest.BPMN)
class TaskAssignmentProcessTest {
    static final String BPMN = "bpmn/task-assignment.bpmn";
    static final String KEY = "task-assignment";

    @RegisterExtension
    static final ProcessEngineExtension CAMUNDA = ProcessTestEngine.extension();

    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(KEY, BPMN);

    RecordingDelegate recordAcceptance;
    RecordingDelegate startMilestoneTracking;
    RecordingDelegate recordReassignment;
    RecordingDelegate recordWithdrawal;

    @BeforeEach
    void standIns() {
        ProcessTestEngine.registerCommonBeans();
        recordAcceptance = RecordingDelegate.register("recordAcceptanceDelegate");
        startMilestoneTracking = RecordingDelegate.register("startMilestoneTrackingDelegate");
        recordReassignment = RecordingDelegate.register("recordReassignmentDelegate");
        recordWithdrawal = RecordingDelegate.register("recordWithdrawalDelegate");
    }

    private ProcessInstance assignTo(String department) {
        return runtimeService().startProcessInstanceByKey(KEY, "task-7-test", Map.of("taskId", 7L, "taskTitle",
                "建设智慧城市平台", "departmentCode", department, "assignedBy", "zhang.wei"));
    }

    @Test
    void aNewAssignmentWaitsForTheAssignedDepartmentToAccept() {
        ProcessInstance instance = assignTo("dept-transport");

        assertThat(instance).isWaitingAtExactly("acceptTask").hasBusinessKey("task-7-test");
        assertThat(task(instance)).hasCandidateGroup("dept-transport");
        assertThat(instance).variables().containsEntry("taskId", 7L).containsEntry("departmentCode", "dept-transport");
    }

    @Test
    void anAcceptedTaskIsRecordedThenItsMilestonesTrackedEachInItsOwnRetriedStep() {
        ProcessInstance instance = assignTo("dept-transport");

        complete(task(instance), withVariables("decision", "ACCEPT", "acceptedBy", "li.na"));

        // asynchronous: the acceptance is a job, so a failing task-service does not undo the department's decision
        assertThat(instance).isWaitingAtExactly("recordAcceptance");
        assertThat(recordAcceptance.calls()).isEmpty();
        runDueJobs(instance.getId());

        assertThat(instance).hasPassedInOrder("acceptTask", "recordAcceptance", "startMilestoneTracking", "taskAccepted")
                .isEnded();
        assertThat(recordAcceptance.lastCall().variables()).containsEntry("taskId", 7L)
                .containsEntry("departmentCode", "dept-transport").containsEntry("acceptedBy", "li.na");
        assertThat(startMilestoneTracking.lastCall().variables()).containsEntry("taskId", 7L);
    }

    @Test
    void aReturnedTaskGoesToTheSupervisionOfficeWithItsReason() {
        ProcessInstance instance = assignTo("dept-transport");

        complete(task(instance), withVariables("decision", "RETURN", "returnReason", "不属于本单位职责", "returnedBy", "li.na"));

        assertThat(instance).isWaitingAtExactly("reviewReturn");
        assertThat(task(instance)).hasCandidateGroup("role:supervisor");
        assertThat(instance).variables().containsEntry("returnReason", "不属于本单位职责").containsEntry("returnedBy", "li.na");
        assertThat(recordAcceptance.calls()).isEmpty();
    }

    @Test
    void aReassignedTaskIsRecordedInTaskServiceThenWaitsForTheNewDepartment() {
        ProcessInstance instance = assignTo("dept-transport");
        complete(task(instance), withVariables("decision", "RETURN", "returnReason", "不属于本单位职责"));

        complete(task(instance), withVariables("returnDecision", "REASSIGN", "departmentCode", "dept-housing",
                "reviewedBy", "wang.fang"));

        // task-service hears of it first (async, retried): the new department can then read what it is asked to accept
        assertThat(instance).isWaitingAtExactly("recordReassignment");
        runDueJobs(instance.getId());
        assertThat(recordReassignment.lastCall().variables()).containsEntry("departmentCode", "dept-housing")
                .containsEntry("reviewedBy", "wang.fang");
        assertThat(instance).isWaitingAtExactly("acceptTask");
        assertThat(task(instance)).hasCandidateGroup("dept-housing");
        assertThat(instance).variables().containsEntry("departmentCode", "dept-housing");
    }

    @Test
    void anAcceptanceTaskServiceRefusesGoesToTheSupervisionOfficeWithTheReasonAndNoIncident() {
        ProcessInstance instance = assignTo("dept-transport");
        recordAcceptance.refuses("task 7: the plan is a draft again");

        complete(task(instance), withVariables("decision", "ACCEPT", "acceptedBy", "li.na"));
        runDueJobs(instance.getId());

        assertThat(instance).hasPassed("acceptanceRefused").hasNotPassed("startMilestoneTracking")
                .isWaitingAtExactly("reviewReturn").variables()
                .containsEntry("recordRefusal", "task 7: the plan is a draft again");
        assertThat(task(instance)).hasCandidateGroup("role:supervisor");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(recordAcceptance.calls()).hasSize(1);

        // sent back to the department, which accepts again: recorded this time
        recordAcceptance.does(execution -> {
        });
        complete(task(instance), withVariables("returnDecision", "AMEND", "returnNote", "计划已确认"));
        complete(task(instance), withVariables("decision", "ACCEPT", "acceptedBy", "li.na"));
        runDueJobs(instance.getId());
        assertThat(instance).hasPassed("startMilestoneTracking").isEnded();
    }

    @Test
    void aReassignmentOrWithdrawalTaskServiceRefusesGoesBackToTheSupervisionOfficeWithTheReason() {
        ProcessInstance instance = assignTo("dept-transport");
        complete(task(instance), withVariables("decision", "RETURN", "returnReason", "不属于本单位职责"));
        recordReassignment.does(execution -> {
            throw new org.camunda.bpm.engine.delegate.BpmnError("TASK_SERVICE_REFUSED", "task 7 is ACCEPTED");
        });
        recordWithdrawal.does(execution -> {
            throw new org.camunda.bpm.engine.delegate.BpmnError("TASK_SERVICE_REFUSED", "task 7 is COMPLETED");
        });

        complete(task(instance), withVariables("returnDecision", "REASSIGN", "departmentCode", "dept-housing"));
        runDueJobs(instance.getId());
        assertThat(instance).hasPassed("reassignmentRefused").isWaitingAtExactly("reviewReturn").variables()
                .containsEntry("recordRefusal", "task 7 is ACCEPTED");

        complete(task(instance), withVariables("returnDecision", "WITHDRAW"));
        runDueJobs(instance.getId());
        assertThat(instance).hasPassed("withdrawalRefused").isWaitingAtExactly("reviewReturn").variables()
                .containsEntry("recordRefusal", "task 7 is COMPLETED");
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(recordReassignment.calls()).hasSize(1);
        assertThat(recordWithdrawal.calls()).hasSize(1);
    }

    @Test
    void anAmendedTaskGoesBackToTheSameDepartmentWithTheNote() {
        ProcessInstance instance = assignTo("dept-transport");
        complete(task(instance), withVariables("decision", "RETURN", "returnReason", "要求不明确"));

        complete(task(instance), withVariables("returnDecision", "AMEND", "returnNote", "已补充验收标准"));

        assertThat(instance).isWaitingAtExactly("acceptTask");
        assertThat(task(instance)).hasCandidateGroup("dept-transport");
        assertThat(instance).variables().containsEntry("returnNote", "已补充验收标准");

        complete(task(instance), withVariables("decision", "ACCEPT", "acceptedBy", "li.na"));
        runDueJobs(instance.getId());
        assertThat(instance).isEnded().hasPassed("taskAccepted");
    }

    @Test
    void aWithdrawnAssignmentIsRecordedInTaskServiceThenEnds() {
        ProcessInstance instance = assignTo("dept-transport");
        complete(task(instance), withVariables("decision", "RETURN", "returnReason", "任务已取消"));

        complete(task(instance), withVariables("returnDecision", "WITHDRAW", "reviewedBy", "wang.fang"));

        assertThat(instance).isWaitingAtExactly("recordWithdrawal");
        runDueJobs(instance.getId());
        assertThat(instance).isEnded().hasPassedInOrder("recordWithdrawal", "assignmentWithdrawn").hasNotPassed("recordAcceptance");
        assertThat(recordWithdrawal.lastCall().variables()).containsEntry("reviewedBy", "wang.fang");
        assertThat(recordAcceptance.calls()).isEmpty();
        assertThat(startMilestoneTracking.calls()).isEmpty();
    }

    @Test
    void aDecisionNoFlowNamesIsRefusedAndTheItemStaysOpen() {
        ProcessInstance instance = assignTo("dept-transport");
        String item = task(instance).getId();

        // the gateway has no default flow: only the service's validation keeps other values out
        assertThrows(ProcessEngineException.class,
                () -> taskService().complete(item, Map.of("decision", "MAYBE")));

        assertThat(instance).isWaitingAtExactly("acceptTask");
    }

    @Test
    void aFailingAcceptanceIsRetriedPerTheRetryPolicyThenBecomesAnIncident() {
        ProcessInstance instance = assignTo("dept-transport");
        complete(task(instance), withVariables("decision", "ACCEPT", "acceptedBy", "li.na"));
        recordAcceptance.fails();

        Job job = ProcessTestEngine.failsAndIsRetriedPerPolicy(instance.getId(), "recordAcceptance");
        ProcessTestEngine.setClock(job.getDuedate().toInstant());
        assertThrows(RuntimeException.class, () -> runDueJobs(instance.getId()));

        Incident incident = runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo("recordAcceptance");
        assertThat(recordAcceptance.calls()).hasSize(2);
        assertThat(startMilestoneTracking.calls()).isEmpty();

        // task-service is back and the operator retries as IncidentService does (one more attempt, due now): the
        // instance carries on from where it stopped
        recordAcceptance.does(execution -> {
        });
        management().setJobRetries(1).jobId(job.getId()).dueDate(Date.from(ProcessTestEngine.now())).execute();
        runDueJobs(instance.getId());
        assertThat(instance).isEnded().hasPassed("taskAccepted");
    }

    @Test
    void aFailingMilestoneTrackingDoesNotRecordTheAcceptanceAgain() {
        ProcessInstance instance = assignTo("dept-transport");
        complete(task(instance), withVariables("decision", "ACCEPT", "acceptedBy", "li.na"));
        startMilestoneTracking.fails();

        assertThrows(RuntimeException.class, () -> runDueJobs(instance.getId()));

        assertThat(instance).isWaitingAtExactly("startMilestoneTracking");
        assertThat(recordAcceptance.calls()).hasSize(1);
    }
}
