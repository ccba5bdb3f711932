package org.luoshi.workflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

/**
 * Indexes Camunda 7 does not create for two statements on its write path that otherwise read whole tables once many
 * instances are open (measured at 200,000 open milestones: docs/capacity.md):
 * <ul>
 * <li>every task completion asks for the task's sub-tasks, {@code select … from ACT_RU_TASK where PARENT_TASK_ID_ = ?};
 * almost no task has a parent, so a partial index holds only those that do (the equality implies IS NOT NULL);</li>
 * <li>the job executor's acquisition ({@code selectNextJobsToExecute}) asks for jobs with retries left, active, due now
 * or without a due date; every open milestone holds a future reminder timer, so only an index on the due date among
 * the acquirable jobs (the statement's own literals {@code RETRIES_ > 0} and {@code SUSPENSION_STATE_ = 1}) keeps the
 * poll from reading them all.</li>
 * </ul>
 * Acquirable jobs without a due date (written before acquisition asked for due jobs only) get their creation time as
 * one, through the same index; {@code act_ru_job} is vacuumed after a fixed number of deleted jobs.
 * Created after the engine has created (or upgraded) its tables: Flyway runs before the engine exists on a fresh
 * database, so these cannot be a migration. {@code if not exists} makes a restart cost a catalogue look-up.
 */
final class EngineIndexes {
    private static final Logger LOG = Logger.getLogger(EngineIndexes.class);

    static final String TASK_PARENT = "luoshi_act_ru_task_parent";
    static final String JOB_ACQUISITION = "luoshi_act_ru_job_acquirable_due";
    /** act_ru_job's autovacuum: see {@link #STATEMENTS}. */
    static final String JOB_VACUUM = "autovacuum_vacuum_scale_factor=0, autovacuum_vacuum_threshold=2000, "
            + "vacuum_index_cleanup=on";

    static final List<String> STATEMENTS = List.of(
            "create index if not exists " + TASK_PARENT + " on act_ru_task (parent_task_id_) where parent_task_id_ is not null",
            "create index if not exists " + JOB_ACQUISITION + " on act_ru_job (duedate_) where retries_ > 0 and suspension_state_ = 1",
            // acquisition asks for due jobs only (ProcessEngineProducer: ensureJobDueDateNotNull): an acquirable job
            // written without a due date (before that setting) would never run; its creation time is its due date
            "update act_ru_job set duedate_ = coalesce(create_time_, now()) where duedate_ is null and retries_ > 0 "
                    + "and suspension_state_ = 1",
            // vacuumed after a fixed number of deleted jobs, not after a fifth of the table: until its vacuum, every
            // poll may revisit the entries of the jobs deleted since (when the planner reads the index by bitmap), so a
            // size-relative threshold made the poll grow with the open timers; index clean-up always, or PostgreSQL
            // skips it while the dead jobs sit on few pages (as async jobs, written together, do)
            "alter table act_ru_job set (" + JOB_VACUUM + ")");

    private EngineIndexes() {
    }

    static void ensure(DataSource dataSource) {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the indexes the engine lacks", e);
        }
        LOG.debugf("engine indexes checked in %d ms", (System.nanoTime() - started) / 1_000_000);
    }
}
