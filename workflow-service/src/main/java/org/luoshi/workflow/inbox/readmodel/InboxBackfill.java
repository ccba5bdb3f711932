package org.luoshi.workflow.inbox.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.jboss.logging.Logger;

/**
 * At start-up, adds the open user tasks the read model does not know yet: those created before it existed (a database
 * upgraded from the engine-backed inbox), and fills in the milestone titles of rows written before the read model had
 * that column. Afterwards the task listener keeps it in step and nothing is ever missing again, so the backfill runs
 * once per database: it is recorded in {@code luoshi_startup_work_done} (Flyway V6) and later starts skip its scans of
 * the inbox and the engine's tasks (an anti-join over every open task and the whole inbox, ~0.3-0.5 s at 200,000 items).
 */
public final class InboxBackfill {
    private static final Logger LOG = Logger.getLogger(InboxBackfill.class);
    /** Its row in luoshi_startup_work_done; a later backfill that has to run again after an upgrade takes a new name. */
    static final String DONE = "inbox-backfill";

    private InboxBackfill() {
    }

    /** Runs under the engine's start-up lock (ProcessEngineProducer), so two nodes do not both do the work. */
    public static void run(ProcessEngine engine, DataSource dataSource, InboxReadModel readModel) {
        if (done(dataSource)) {
            LOG.debug("Inbox read model: backfilled at an earlier start, skipped");
            return;
        }
        backfill(engine, dataSource, readModel);
        recordDone(dataSource);
    }

    private static void backfill(ProcessEngine engine, DataSource dataSource, InboxReadModel readModel) {
        int titled = readModel.backfillMilestoneTitles();
        if (titled > 0) {
            LOG.infof("Inbox read model: gave %d items of milestone reporting their milestone's title", titled);
        }
        List<String> missing = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select t.id_ from act_ru_task t where not exists "
                        + "(select 1 from luoshi_inbox_item i where i.task_id = t.id_)");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                missing.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compare the inbox read model with the engine's tasks", e);
        }
        if (missing.isEmpty()) {
            return;
        }
        ((ProcessEngineImpl) engine).getProcessEngineConfiguration().getCommandExecutorTxRequired().execute(context -> {
            for (String id : missing) {
                TaskEntity task = context.getTaskManager().findTaskById(id);
                if (task != null && task.getProcessInstanceId() != null) {
                    readModel.upsertOpen(InboxTaskListener.row(task));
                    readModel.logEvent(id, null, "created", "backfilled");
                }
            }
            return null;
        });
        LOG.infof("Inbox read model: added %d open tasks created before it existed", missing.size());
    }

    private static boolean done(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select 1 from luoshi_startup_work_done where name = ?")) {
            statement.setString(1, DONE);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the start-up work done in the workflow database", e);
        }
    }

    private static void recordDone(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "insert into luoshi_startup_work_done (name) values (?) on conflict (name) do nothing")) {
            statement.setString(1, DONE);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the inbox backfill as done", e);
        }
    }
}
