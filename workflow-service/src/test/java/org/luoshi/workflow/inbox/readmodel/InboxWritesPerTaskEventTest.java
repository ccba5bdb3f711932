package org.luoshi.workflow.inbox.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ServiceImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.luoshi.workflow.process.ProcessTestEngine;
import org.luoshi.workflow.workitem.ClaimAndCompleteCmd;

/**
 * What {@link InboxTaskListener} writes per change of a user task, on the in-memory engine with a read model that
 * records instead of writing: a claim is one write of the item's row (the engine fires "update" and then "assignment"
 * for it), a claim completed in the same command none (the completion ends the row with its assignee), other changes
 * still write theirs.
 */
class InboxWritesPerTaskEventTest {
    private static final String KEY = "inbox-writes";

    @RegisterExtension
    static final ProcessEngineExtension CAMUNDA = ProcessTestEngine.extension();

    private final RecordingReadModel readModel = new RecordingReadModel();
    private String deployment;

    @BeforeEach
    void deployWithTheListener() {
        ProcessTestEngine.registerCommonBeans();
        Mocks.register("inboxListener", new InboxTaskListener(readModel));
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).startEvent()
                .userTask("item").camundaCandidateGroups("dept-transport")
                .camundaTaskListenerDelegateExpression("create", "${inboxListener}")
                .camundaTaskListenerDelegateExpression("update", "${inboxListener}")
                .camundaTaskListenerDelegateExpression("assignment", "${inboxListener}")
                .camundaTaskListenerDelegateExpression("complete", "${inboxListener}")
                .endEvent().done();
        deployment = engine().getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model).deploy()
                .getId();
    }

    @AfterEach
    void undeploy() {
        engine().getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void aClaimWritesTheItemsRowOnceWithItsNewAssignee() {
        Task item = startedItem();
        asUser("liu.yang", () -> tasks().claim(item.getId(), "liu.yang"));
        assertThat(readModel.upserts).extracting(InboxReadModel.Row::assignee).containsExactly("liu.yang");
        assertThat(readModel.events).containsExactly("claimed");
    }

    @Test
    void aClaimCompletedInTheSameCommandWritesNoOpenRowAndEndsTheRowWithItsAssignee() {
        Task item = startedItem();
        asUser("liu.yang", () -> ((ServiceImpl) tasks()).getCommandExecutor()
                .execute(new ClaimAndCompleteCmd(item.getId(), "liu.yang", Variables.createVariables(), null)));
        assertThat(readModel.upserts).isEmpty();
        assertThat(readModel.events).containsExactly(InboxReadModel.STATUS_COMPLETED + " by liu.yang", "claimed", "completed");
    }

    @Test
    void anItemsChangeAndItsHistoryAreOneStatementFromCreationToAClaimCompletedAtOnce() {
        String pi = engine().getRuntimeService().startProcessInstanceByKey(KEY).getId();
        assertThat(readModel.statements).as("created: the row and its event").isEqualTo(1);
        assertThat(readModel.events).containsExactly("created");
        readModel.clear();
        Task item = tasks().createTaskQuery().processInstanceId(pi).singleResult();
        asUser("liu.yang", () -> ((ServiceImpl) tasks()).getCommandExecutor()
                .execute(new ClaimAndCompleteCmd(item.getId(), "liu.yang", Variables.createVariables(), null)));
        assertThat(readModel.statements).as("claimed and completed: the ended row and both events").isEqualTo(1);
        assertThat(readModel.events).containsExactly(InboxReadModel.STATUS_COMPLETED + " by liu.yang", "claimed", "completed");
    }

    @Test
    void anItemOfTheCallersOwnCompletedAtOnceRecordsNoClaim() {
        Task item = startedItem();
        tasks().claim(item.getId(), "liu.yang");
        readModel.clear();
        asUser("liu.yang", () -> ((ServiceImpl) tasks()).getCommandExecutor()
                .execute(new ClaimAndCompleteCmd(item.getId(), "liu.yang", Variables.createVariables(), null)));
        assertThat(readModel.events).containsExactly(InboxReadModel.STATUS_COMPLETED + " by liu.yang", "completed");
    }

    @Test
    void aReleaseWritesTheRowOnceWithoutAnAssignee() {
        Task item = startedItem();
        tasks().claim(item.getId(), "liu.yang");
        readModel.clear();
        tasks().setAssignee(item.getId(), null);
        assertThat(readModel.upserts).extracting(InboxReadModel.Row::assignee).containsOnlyNulls().hasSize(1);
        assertThat(readModel.events).containsExactly("unclaimed");
    }

    @Test
    void aNewDueDateAloneStillWritesTheRow() {
        Task item = startedItem();
        Date due = new Date(ProcessTestEngine.now().toEpochMilli() + 86_400_000L);
        item.setDueDate(due);
        tasks().saveTask(item);
        assertThat(readModel.upserts).extracting(InboxReadModel.Row::due).containsExactly(due);
        assertThat(readModel.events).isEmpty();
    }

    private Task startedItem() {
        String pi = engine().getRuntimeService().startProcessInstanceByKey(KEY).getId();
        assertThat(readModel.upserts).hasSize(1);
        readModel.clear();
        return tasks().createTaskQuery().processInstanceId(pi).singleResult();
    }

    private static void asUser(String user, Runnable engineCall) {
        engine().getIdentityService().setAuthenticatedUserId(user);
        try {
            engineCall.run();
        } finally {
            engine().getIdentityService().clearAuthentication();
        }
    }

    private static ProcessEngine engine() {
        return ProcessTestEngine.engine();
    }

    private static TaskService tasks() {
        return engine().getTaskService();
    }

    /** Records the rows, events and statements it is given instead of writing them. */
    private static final class RecordingReadModel extends InboxReadModel {
        final List<Row> upserts = new ArrayList<>();
        final List<String> events = new ArrayList<>();
        int statements;

        @Override
        public void upsertOpen(Row row, Event... with) {
            statements++;
            upserts.add(row);
            record(with);
        }

        @Override
        public void logEvent(String taskId, String actor, String action, String detail) {
            statements++;
            events.add(action);
        }

        @Override
        public void markEnded(String taskId, String status, String actor, String assignee, Event... with) {
            statements++;
            events.add(status + " by " + assignee);
            record(with);
        }

        private void record(Event... with) {
            for (Event event : with) {
                events.add(event.action());
            }
        }

        void clear() {
            upserts.clear();
            events.clear();
            statements = 0;
        }
    }
}
