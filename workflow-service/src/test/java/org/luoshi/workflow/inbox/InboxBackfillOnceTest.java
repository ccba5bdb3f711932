package org.luoshi.workflow.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luoshi.workflow.inbox.readmodel.InboxBackfill;
import org.luoshi.workflow.inbox.readmodel.InboxReadModel;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The inbox backfill finds work only in a database written before the read model (or its milestone titles) existed,
 * so it runs at the first start after such an upgrade and is recorded; later starts skip it and do not scan the
 * engine's tasks and the inbox again before the service is ready.
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class InboxBackfillOnceTest {
    @Inject
    ProcessEngine engine;

    @Inject
    RuntimeService runtimeService;

    @Inject
    TaskService taskService;

    @Inject
    DataSource dataSource;

    @Inject
    InboxReadModel readModel;

    private String instance;

    @AfterEach
    void endTheInstance() {
        if (instance != null) {
            runtimeService.deleteProcessInstance(instance, "test over");
        }
    }

    @Test
    void theFirstStartAfterTheUpgradeBackfillsAnOpenTaskTheInboxLacksAndLaterStartsSkipIt() throws Exception {
        String task = openTaskOfANewAssignment();
        assertTrue(inboxHas(task), "the task listener wrote the item");

        // the database as it was before the read model: the engine's task without its item, the backfill never run
        execute("delete from luoshi_inbox_item where task_id = ?", task);
        execute("delete from luoshi_startup_work_done where name = ?", "inbox-backfill");
        InboxBackfill.run(engine, dataSource, readModel);
        assertTrue(inboxHas(task), "the first start after the upgrade adds the item");
        assertTrue(recordedDone(), "and records that the backfill ran");

        // an item missing now is not the upgrade's: a later start does not look for it
        execute("delete from luoshi_inbox_item where task_id = ?", task);
        InboxBackfill.run(engine, dataSource, readModel);
        assertFalse(inboxHas(task), "a start after the recorded backfill skips it");
    }

    private String openTaskOfANewAssignment() {
        String businessKey = "task-backfill-" + UUID.randomUUID();
        instance = runtimeService.startProcessInstanceByKey("task-assignment", businessKey, Map.of("taskId", 7L,
                "taskTitle", "补录待办", "departmentCode", "dept-backfill", "assignedBy", "zhang.wei")).getId();
        return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private boolean inboxHas(String task) throws Exception {
        return exists("select 1 from luoshi_inbox_item where task_id = ?", task);
    }

    private boolean recordedDone() throws Exception {
        return exists("select 1 from luoshi_startup_work_done where name = ?", "inbox-backfill");
    }

    private boolean exists(String sql, String value) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void execute(String sql, String value) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            statement.executeUpdate();
        }
    }
}
