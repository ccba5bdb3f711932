package org.luoshi.workflow.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.luoshi.workflow.process.ProcessTestEngine.failsAndIsRetriedPerPolicy;
import static org.luoshi.workflow.process.ProcessTestEngine.runDueJobs;
import static org.luoshi.workflow.process.ProcessTestEngine.waitingAt;

import java.time.Instant;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.workflow.process.FlowCoverage;
import org.luoshi.workflow.process.ProcessTestEngine;
import org.luoshi.workflow.process.RecordingDelegate;

/**
 * 调整建议 (bpmn/evaluation-proposal.bpmn) on its own: the supervising office's item, the decision recorded in
 * task-service, a refusal back to the office, a transient failure retried, a decision taken elsewhere closing the item.
 */
@Deployment(resources = ProposalProcessTest.BPMN)
class ProposalProcessTest {
    static final String BPMN = "bpmn/evaluation-proposal.bpmn";
    static final String KEY = "evaluation-proposal";

    @RegisterExtension
    static final ProcessEngineExtension CAMUNDA = ProcessTestEngine.extension();

    @RegisterExtension
    static final FlowCoverage COVERAGE = FlowCoverage.of(KEY, BPMN);

    RecordingDelegate recordDecision;

    @BeforeEach
    void standIns() {
        ProcessTestEngine.registerCommonBeans();
        recordDecision = RecordingDelegate.register("recordProposalDecisionDelegate");
        ProcessTestEngine.setClock(Instant.parse("2026-03-02T02:00:00Z"));
    }

    /** As openProposalItems starts it for one open proposal. */
    private ProcessInstance raise(long proposalId) {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, "proposal:" + proposalId,
                Variables.createVariables().putValue("proposalId", proposalId).putValue("evaluationId", 9L)
                        .putValue("taskId", 42L).putValue("taskTitle", "怀柔科学城建设")
                        .putValue("justification", "末期评估报告发现1：怀柔科学城建设滞后").putValue("decisionRound", 0));
        runDueJobs(instance.getId());
        return instance;
    }

    private Task item(ProcessInstance instance) {
        return taskQuery().processInstanceId(instance.getId()).taskDefinitionKey("decideProposal")
                .taskCandidateGroup("role:supervisor").singleResult();
    }

    private void decide(ProcessInstance instance, String decision, int round) {
        complete(item(instance), withVariables("decision", decision, "reason", "DECLINE".equals(decision) ? "已纳入下一规划" : null,
                "adjustmentProcessId", "ADJUST".equals(decision) ? "pi-adj-" + round : null, "adjustedTaskId", 42L,
                "decidedBy", "chen.jing", "decisionRound", round));
    }

    @Test
    void aRaisedProposalWaitsForTheSupervisingOfficeThenItsDecisionIsRecordedInTaskService() {
        ProcessInstance instance = raise(1);
        assertThat(waitingAt(instance.getId())).containsExactly("decideProposal");
        assertThat(item(instance)).isNotNull();
        assertThat(recordDecision.calls()).isEmpty();

        decide(instance, "ADJUST", 1);
        // the record is an async step: the completion only queues it
        assertThat(waitingAt(instance.getId())).containsExactly("recordProposalDecision");
        runDueJobs(instance.getId());

        assertThat(recordDecision.lastCall().variables()).containsEntry("decision", "ADJUST")
                .containsEntry("adjustmentProcessId", "pi-adj-1").containsEntry("decidedBy", "chen.jing");
        assertThat(instance).isEnded().hasPassedInOrder("decideProposal", "recordProposalDecision", "proposalDecided");
    }

    @Test
    void aDecisionTaskServiceRefusesGoesBackToTheOfficeWithTheReason() {
        ProcessInstance instance = raise(2);
        recordDecision.refuses("proposal 2 was already decided (DECLINED) by chen.jing");
        decide(instance, "DECLINE", 1);
        runDueJobs(instance.getId());

        assertThat(waitingAt(instance.getId())).containsExactly("decideProposal");
        assertThat(instance).variables().containsEntry("decisionRefusal", "proposal 2 was already decided (DECLINED) by chen.jing");

        recordDecision.does(execution -> execution.setVariable("decisionRefusal", null));
        decide(instance, "DECLINE", 2);
        runDueJobs(instance.getId());
        assertThat(recordDecision.calls()).extracting(call -> call.variables().get("decisionRound")).containsExactly(1, 2);
        assertThat(instance).isEnded().hasPassed("proposalDecisionRefused", "proposalDecided");
    }

    @Test
    void aTransientFailureToRecordIsRetriedPerThePolicyNotSentBack() {
        ProcessInstance instance = raise(3);
        recordDecision.fails();
        decide(instance, "DECLINE", 1);

        failsAndIsRetriedPerPolicy(instance.getId(), "recordProposalDecision");
        assertThat(waitingAt(instance.getId())).containsExactly("recordProposalDecision");
        assertThat(item(instance)).isNull();
    }

    @Test
    void aProposalDecidedWithoutTheItemClosesIt() {
        ProcessInstance instance = raise(4);
        runtimeService().createMessageCorrelation("evaluation-proposal-decided").processInstanceBusinessKey("proposal:4")
                .correlateAllWithResult();

        assertThat(instance).isEnded().hasPassed("proposalDecidedElsewhere", "proposalClosed").hasNotPassed("recordProposalDecision");
        assertThat(recordDecision.calls()).isEmpty();
    }
}
