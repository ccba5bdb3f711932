package org.luoshi.workflow.milestone.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.ProcessEngine;
import org.jboss.logging.Logger;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

import io.quarkus.runtime.StartupEvent;

/**
 * One row per tracked milestone in {@code luoshi_milestone_tracking}: the milestone id is the primary key, so two
 * callers tracking the same milestone at once cannot both start an instance — the second insert waits for the first
 * transaction and then finds its row. The row names the instance's business key, which the engine is then asked for
 * exactly (no {@code LIKE} over every business key). Written in the caller's transaction, with the instance's start.
 */
@ApplicationScoped
public class MilestoneTrackingRegistry {
    private static final Logger LOG = Logger.getLogger(MilestoneTrackingRegistry.class);

    @Inject
    DataSource dataSource;

    /**
     * Registers the instances started before the table existed (their business key begins with
     * {@code milestone-<id>-}); runs after the engine has created its schema. The table is Flyway's
     * ({@code V2__milestone_tracking.sql}). Only while the table is empty: the registration joins every running
     * execution with its variables (seconds at 200,000 open milestones), and once a row exists every start registers
     * itself, so repeating it at each start would only delay readiness.
     */
    void onStart(@Observes StartupEvent event, ProcessEngine engine) throws SQLException {
        String backfill = """
                insert into luoshi_milestone_tracking (milestone_id, task_id, business_key, updated)
                select distinct on (m.long_) m.long_, coalesce(t.long_, 0), e.business_key_, now()
                from act_ru_execution e
                join act_re_procdef d on d.id_ = e.proc_def_id_ and d.key_ = ?
                join act_ru_variable m on m.execution_id_ = e.id_ and m.name_ = ?
                left join act_ru_variable t on t.execution_id_ = e.id_ and t.name_ = ?
                where e.parent_id_ is null and e.business_key_ is not null and m.long_ is not null
                order by m.long_, e.id_
                on conflict (milestone_id) do nothing""";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet registered = statement.executeQuery("select exists (select 1 from luoshi_milestone_tracking)")) {
                registered.next();
                if (registered.getBoolean(1)) {
                    return;
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(backfill)) {
                insert.setString(1, MilestoneReportingProcess.KEY);
                insert.setString(2, MilestoneReportingProcess.VAR_MILESTONE_ID);
                insert.setString(3, MilestoneReportingProcess.VAR_TASK_ID);
                int added = insert.executeUpdate();
                if (added > 0) {
                    LOG.infof("Registered %d milestones tracked before luoshi_milestone_tracking existed", added);
                }
            }
        }
    }

    /** The business key that stands for a milestone, and the task it was registered with (0: not known). */
    public record Registered(String businessKey, long taskId) {
    }

    /**
     * Claims the milestone for the business key offered, unless it is registered already; answers the business key
     * that now stands for the milestone (the offered one when this caller claimed it) and its task. Blocks while another
     * transaction holds an uncommitted claim of the same milestone.
     */
    public Registered claim(long milestoneId, long taskId, String offeredBusinessKey) {
        String sql = """
                insert into luoshi_milestone_tracking (milestone_id, task_id, business_key, updated) values (?, ?, ?, now())
                on conflict (milestone_id) do update set updated = luoshi_milestone_tracking.updated
                returning business_key, task_id""";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, milestoneId);
            statement.setLong(2, taskId);
            statement.setString(3, offeredBusinessKey);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new Registered(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not register the tracking of milestone " + milestoneId, e);
        }
    }

    /** A milestone to claim for a business key (see {@link #claimAll}). */
    public record Claim(long milestoneId, long taskId, String offeredBusinessKey) {
    }

    /**
     * {@link #claim} for many milestones in one statement (a page of a bulk start): answers, per milestone, the business
     * key that now stands for it. Rows are claimed in milestone order, so two callers claiming overlapping pages wait
     * for each other instead of deadlocking.
     */
    public java.util.Map<Long, String> claimAll(java.util.Collection<Claim> claims) {
        java.util.Map<Long, String> registered = new java.util.HashMap<>();
        if (claims.isEmpty()) {
            return registered;
        }
        List<Claim> ordered = claims.stream().sorted(java.util.Comparator.comparingLong(Claim::milestoneId)).toList();
        String sql = """
                insert into luoshi_milestone_tracking (milestone_id, task_id, business_key, updated)
                select m, t, k, now() from unnest(?::bigint[], ?::bigint[], ?::varchar[]) with ordinality as c(m, t, k, n)
                order by n
                on conflict (milestone_id) do update set updated = luoshi_milestone_tracking.updated
                returning milestone_id, business_key""";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("bigint", ordered.stream().map(Claim::milestoneId).toArray()));
            statement.setArray(2, connection.createArrayOf("bigint", ordered.stream().map(Claim::taskId).toArray()));
            statement.setArray(3, connection.createArrayOf("varchar", ordered.stream().map(Claim::offeredBusinessKey).toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    registered.put(rows.getLong(1), rows.getString(2));
                }
            }
            return registered;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not register the tracking of " + claims.size() + " milestones", e);
        }
    }

    /** A registered milestone whose instance is running: the instance's id and business key. */
    public record Running(String processInstanceId, String businessKey) {
    }

    /**
     * Which of these milestones are registered with an instance that still runs, in one query (the engine's
     * business-key index), so that tracking a task again costs one lookup, not one per milestone it already tracks.
     */
    public java.util.Map<Long, Running> runningAmong(java.util.Collection<Long> milestoneIds) {
        java.util.Map<Long, Running> running = new java.util.HashMap<>();
        if (milestoneIds.isEmpty()) {
            return running;
        }
        String sql = """
                select t.milestone_id, e.id_, t.business_key from luoshi_milestone_tracking t
                join act_ru_execution e on e.business_key_ = t.business_key and e.parent_id_ is null
                join act_re_procdef d on d.id_ = e.proc_def_id_ and d.key_ = ?
                where t.milestone_id = any(?)""";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, MilestoneReportingProcess.KEY);
            statement.setArray(2, connection.createArrayOf("bigint", milestoneIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    running.put(rows.getLong(1), new Running(rows.getString(2), rows.getString(3)));
                }
            }
            return running;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tracking of milestones " + milestoneIds, e);
        }
    }

    /** Replaces the registered business key of a milestone whose instance is no longer running. */
    public void replace(long milestoneId, String businessKey) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "update luoshi_milestone_tracking set business_key = ?, updated = now() where milestone_id = ?")) {
            statement.setString(1, businessKey);
            statement.setLong(2, milestoneId);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not register the tracking of milestone " + milestoneId, e);
        }
    }

    /** The business key of the milestone's tracking instance (running or ended), if it was ever tracked. */
    public Optional<String> businessKeyOf(long milestoneId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select business_key from luoshi_milestone_tracking where milestone_id = ?")) {
            statement.setLong(1, milestoneId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the tracking of milestone " + milestoneId, e);
        }
    }
}
