package org.luoshi.workflow.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The two engine statements that read whole tables at 200,000 open milestones use the indexes {@link EngineIndexes}
 * adds once the engine's tables exist: 50,000 synthetic open tasks (one in a thousand a sub-task) and 50,000 future
 * timer jobs are inserted with a unique marker, EXPLAIN of the engine's own statements (Task.xml
 * selectTasksByParentTaskId, Job.xml selectNextJobsToExecute, parameters bound as the engine binds them) must show the
 * index and no sequential scan, and the rows are removed again. The service's
 * sessions run without PostgreSQL's JIT.
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class EngineIndexPlanTest {
    private static final int ROWS = 50_000;

    /**
     * Job.xml selectNextJobsToExecute as the job executor runs it (no priority range, not deployment-aware; every job
     * has a due date and the due ones are acquired earliest first: ProcessEngineProducer).
     */
    private static final String ACQUISITION = """
            select RES.ID_, RES.REV_, RES.DUEDATE_, RES.PROCESS_INSTANCE_ID_, RES.EXCLUSIVE_ from ACT_RU_JOB RES
            where (RES.RETRIES_ > 0) and (RES.DUEDATE_ <= ?)
              and (RES.LOCK_OWNER_ is null or RES.LOCK_EXP_TIME_ < ?) and RES.SUSPENSION_STATE_ = 1
              and ((RES.EXCLUSIVE_ = true and not exists (select J2.ID_ from ACT_RU_JOB J2
                      where J2.PROCESS_INSTANCE_ID_ = RES.PROCESS_INSTANCE_ID_ and J2.EXCLUSIVE_ = true
                        and J2.LOCK_OWNER_ is not null and J2.LOCK_EXP_TIME_ >= ?))
                   or RES.EXCLUSIVE_ = false)
            order by RES.DUEDATE_ asc LIMIT ? OFFSET ?""";

    @Inject
    DataSource dataSource;

    @Inject
    ProcessEngine engine;

    @Test
    void completionAndJobAcquisitionUseTheAddedIndexesAtScaleWithoutJit() throws Exception {
        String marker = "scale-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement(); ResultSet jit = statement.executeQuery("show jit")) {
                jit.next();
                assertEquals("off", jit.getString(1), "the workflow datasource's sessions run without JIT");
            }
            try (PreparedStatement tasks = connection.prepareStatement("""
                    insert into act_ru_task (id_, rev_, name_, parent_task_id_, task_def_key_, priority_, create_time_,
                        suspension_state_)
                    select ? || '-t' || n, 1, '合成任务 ' || n, case when n % 1000 = 0 then ? || '-t' || (n - 1) end,
                        'submitReport', 50, now(), 1
                    from generate_series(1, ?) as n""");
                    PreparedStatement jobs = connection.prepareStatement("""
                    insert into act_ru_job (id_, rev_, type_, exclusive_, process_instance_id_, retries_, duedate_,
                        handler_type_, suspension_state_, priority_, create_time_)
                    select ? || '-j' || n, 1, 'timer', true, ? || '-p' || n, 3,
                        now() + ((30 + n % 300) || ' days')::interval, 'timer-transition', 1, 0, now()
                    from generate_series(1, ?) as n""")) {
                for (PreparedStatement insert : new PreparedStatement[] { tasks, jobs }) {
                    insert.setString(1, marker);
                    insert.setString(2, marker);
                    insert.setInt(3, ROWS);
                    assertEquals(ROWS, insert.executeUpdate());
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze act_ru_task");
                statement.execute("analyze act_ru_job");
            }
            try {
                String completion = explain(connection, "select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?",
                        marker + "-t999");
                assertTrue(completion.contains("\"Index Name\": \"" + EngineIndexes.TASK_PARENT + "\""), completion);
                assertFalse(completion.contains("\"Seq Scan\""), completion);

                Timestamp now = new Timestamp(System.currentTimeMillis());
                String acquisition = explain(connection, ACQUISITION, now, now, now, 3, 0);
                assertTrue(acquisition.contains("\"Index Name\": \"" + EngineIndexes.JOB_ACQUISITION + "\""), acquisition);
                assertFalse(acquisition.contains("\"Seq Scan\""), acquisition);
                System.out.println("EngineIndexPlanTest, job acquisition over " + ROWS + " future timers:\n"
                        + plan(connection, "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ", ACQUISITION, now, now, now, 3, 0));
            } finally {
                try (PreparedStatement tasks = connection.prepareStatement("delete from act_ru_task where id_ like ?");
                        PreparedStatement jobs = connection.prepareStatement("delete from act_ru_job where id_ like ?")) {
                    tasks.setString(1, marker + "-%");
                    jobs.setString(1, marker + "-%");
                    assertEquals(ROWS, tasks.executeUpdate());
                    assertEquals(ROWS, jobs.executeUpdate());
                }
            }
        }
    }

    @Test
    void everyJobHasADueDateTheDueOnesAreAcquiredEarliestFirstAndDeletedJobsAreVacuumedSoon() throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertTrue(configuration.isEnsureJobDueDateNotNull(), "async jobs are written with a due date");
        assertTrue(configuration.isJobExecutorAcquireByDueDate(), "acquisition orders by the due date");

        // until its vacuum, a poll may revisit the entries of every job deleted since: vacuumed after a fixed number
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet options = statement.executeQuery(
                        "select array_to_string(reloptions, ', ') from pg_class where relname = 'act_ru_job'")) {
            assertTrue(options.next());
            assertEquals(EngineIndexes.JOB_VACUUM.replace(" ", ""), options.getString(1).replace(" ", ""));
        }

        // an acquirable job written without a due date (before this setting) gets its creation time as one at start-up;
        // created a month ahead here, so that the running job executor leaves the synthetic job alone
        String id = "scale-" + UUID.randomUUID() + "-j";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into act_ru_job (id_, rev_, type_, exclusive_, process_instance_id_, retries_, duedate_,
                        handler_type_, suspension_state_, priority_, create_time_)
                    values (?, 1, 'message', true, ?, 3, null, 'async-continuation', 1, 0, now() + interval '30 days')""")) {
                insert.setString(1, id);
                insert.setString(2, id + "-p");
                assertEquals(1, insert.executeUpdate());
            }
            try {
                EngineIndexes.ensure(dataSource);
                try (PreparedStatement read = connection.prepareStatement(
                        "select duedate_ = create_time_ from act_ru_job where id_ = ?")) {
                    read.setString(1, id);
                    try (ResultSet row = read.executeQuery()) {
                        assertTrue(row.next());
                        assertTrue(row.getBoolean(1), "the job's due date is its creation time");
                    }
                }
            } finally {
                try (PreparedStatement delete = connection.prepareStatement("delete from act_ru_job where id_ = ?")) {
                    delete.setString(1, id);
                    assertEquals(1, delete.executeUpdate());
                }
            }
        }
    }

    private static String explain(Connection connection, String sql, Object... parameters) throws Exception {
        return plan(connection, "EXPLAIN (FORMAT JSON) ", sql, parameters);
    }

    private static String plan(Connection connection, String prefix, String sql, Object... parameters) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement statement = connection.prepareStatement(prefix + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
        }
        return plan.toString();
    }
}
