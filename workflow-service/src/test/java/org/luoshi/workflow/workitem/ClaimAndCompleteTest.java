package org.luoshi.workflow.workitem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.workflow.process.ProcessTestEngine;

/**
 * {@link WorkItems#claimAndComplete} as one engine command, on the in-memory engine: the item is done by the caller
 * (history and variables as with a claim and a completion), an item someone else holds is refused and stays theirs,
 * open, and a reservation ({@link EagerJobs}) writes the job of the step the completion reached held back for the caller,
 * without waking the job executor for it.
 */
class ClaimAndCompleteTest {
    private static final String KEY = "claim-and-complete";
    private static final Instant NOW = Instant.parse("2027-01-04T02:00:00Z");

    @RegisterExtension
    static final ProcessEngineExtension CAMUNDA = ProcessTestEngine.extension();

    private final WorkItems workItems = new WorkItems();
    private String deployment;

    @BeforeEach
    void deploy() {
        workItems.taskService = engine().getTaskService();
        workItems.identityService = engine().getIdentityService();
        deployment = engine().getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn",
                Bpmn.createExecutableProcess(KEY).startEvent().userTask("item").camundaCandidateGroups("dept-transport")
                        .serviceTask("record").camundaAsyncBefore().camundaExpression("${true}")
                        .userTask("next").endEvent().done())
                .deploy().getId();
    }

    @AfterEach
    void undeploy() {
        engine().getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void theItemIsDoneByTheCallerWithItsVariablesAndItsAsynchronousStepIsDueAtOnce() {
        String pi = engine().getRuntimeService().startProcessInstanceByKey(KEY).getId();
        Task item = item(pi);
        workItems.claimAndComplete(item.getId(), "liu.yang", Variables.createVariables().putValue("reportText", "done"));
        HistoricTaskInstance done = engine().getHistoryService().createHistoricTaskInstanceQuery().taskId(item.getId())
                .singleResult();
        assertThat(done.getAssignee()).isEqualTo("liu.yang");
        assertThat(done.getEndTime()).isNotNull();
        assertThat(engine().getRuntimeService().getVariable(pi, "reportText")).isEqualTo("done");
        assertThat(item(pi)).as("waiting at the asynchronous step").isNull();
        Job step = management().createJobQuery().processInstanceId(pi).activityId("record").singleResult();
        assertThat(step.getDuedate()).as("the job executor's at once").isNull();
        management().executeJob(step.getId());
        assertThat(item(pi).getTaskDefinitionKey()).isEqualTo("next");
    }

    @Test
    void aReservedStepsJobIsWrittenHeldBackForTheCallerWhoRunsIt() {
        ProcessTestEngine.setClock(NOW);
        String pi = engine().getRuntimeService().startProcessInstanceByKey(KEY).getId();
        EagerJobs.Reservation reservation = new EagerJobs().reservationOf("record");
        workItems.claimAndComplete(item(pi).getId(), "liu.yang", Variables.createVariables(), reservation);
        Job step = management().createJobQuery().processInstanceId(pi).activityId("record").singleResult();
        assertThat(reservation.jobId()).isEqualTo(step.getId());
        assertThat(step.getDuedate()).as("not the job executor's before the reservation ends")
                .isEqualTo(Date.from(NOW.plus(EagerJobs.RESERVATION)));
        assertThat(management().createJobQuery().processInstanceId(pi).executable().count()).isZero();
        management().executeJob(reservation.jobId());
        assertThat(item(pi).getTaskDefinitionKey()).isEqualTo("next");
    }

    @Test
    void aReservedStepsJobWakesNoJobAcquisitionWhileAnUnreservedOneDoes() {
        ProcessEngineConfigurationImpl configuration = ((ProcessEngineImpl) engine()).getProcessEngineConfiguration();
        JobExecutor engines = configuration.getJobExecutor();
        WakeUps wakeUps = new WakeUps();
        configuration.setJobExecutor(wakeUps);
        try {
            String reserved = engine().getRuntimeService().startProcessInstanceByKey(KEY).getId();
            EagerJobs.Reservation reservation = new EagerJobs().reservationOf("record");
            workItems.claimAndComplete(item(reserved).getId(), "liu.yang", Variables.createVariables(), reservation);
            assertThat(reservation.jobId()).isNotNull();
            assertThat(wakeUps.count).as("the caller runs it: nothing for the acquisition to find").isZero();

            String unreserved = engine().getRuntimeService().startProcessInstanceByKey(KEY).getId();
            workItems.claimAndComplete(item(unreserved).getId(), "liu.yang", Variables.createVariables());
            assertThat(wakeUps.count).as("a step due at once wakes the acquisition as the engine does").isEqualTo(1);
        } finally {
            configuration.setJobExecutor(engines);
        }
    }

    /** An active job executor that only counts the engine's hints of new jobs (it acquires nothing). */
    private static final class WakeUps extends DefaultJobExecutor {
        int count;

        WakeUps() {
            isActive = true;
        }

        @Override
        public void jobWasAdded() {
            count++;
        }
    }

    @Test
    void aReservationOfAStepTheCompletionDoesNotReachHoldsNothing() {
        String pi = engine().getRuntimeService().startProcessInstanceByKey(KEY).getId();
        EagerJobs.Reservation reservation = new EagerJobs().reservationOf("elsewhere");
        workItems.claimAndComplete(item(pi).getId(), "liu.yang", Variables.createVariables(), reservation);
        assertThat(reservation.jobId()).isNull();
        assertThat(management().createJobQuery().processInstanceId(pi).executable().count()).isEqualTo(1);
    }

    private static ManagementService management() {
        return engine().getManagementService();
    }

    @Test
    void anItemSomeoneElseHoldsIsRefusedAndStaysTheirsAndOpen() {
        String pi = engine().getRuntimeService().startProcessInstanceByKey(KEY).getId();
        Task item = item(pi);
        engine().getTaskService().claim(item.getId(), "zhao.min");
        assertThatThrownBy(() -> workItems.claimAndComplete(item.getId(), "liu.yang",
                Variables.createVariables().putValue("reportText", "mine")))
                .isInstanceOf(ConflictException.class);
        Task still = item(pi);
        assertThat(still.getId()).isEqualTo(item.getId());
        assertThat(still.getAssignee()).isEqualTo("zhao.min");
        assertThat(engine().getRuntimeService().getVariable(pi, "reportText")).isNull();
        assertThat(engine().getIdentityService().getCurrentAuthentication()).isNull();
    }

    @Test
    void anOpenItemIsReadByItsIdAndAMissingOrSuspendedOneIsNot() {
        String pi = engine().getRuntimeService().startProcessInstanceByKey(KEY).getId();
        Task item = item(pi);
        Task read = workItems.activeTask(item.getId());
        assertThat(read.getTaskDefinitionKey()).isEqualTo("item");
        assertThat(read.getProcessInstanceId()).isEqualTo(pi);
        assertThat(read.getName()).isEqualTo(item.getName());
        assertThat(read.getCreateTime()).isEqualTo(item.getCreateTime());
        assertThat(workItems.activeTask("no-such-item")).isNull();
        assertThat(workItems.activeTask(null)).isNull();
        engine().getRuntimeService().suspendProcessInstanceById(pi);
        assertThat(workItems.activeTask(item.getId())).as("as the task query's active() answers").isNull();
        engine().getRuntimeService().activateProcessInstanceById(pi);
        assertThat(workItems.activeTask(item.getId())).isNotNull();
    }

    private static Task item(String processInstanceId) {
        return engine().getTaskService().createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    private static ProcessEngine engine() {
        return ProcessTestEngine.engine();
    }
}
