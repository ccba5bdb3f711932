package org.luoshi.workflow.inbox.readmodel;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * The inbox read model: one row per user task in {@code luoshi_inbox_item}, plus who-did-what in
 * {@code luoshi_inbox_event}. Written only by {@link InboxTaskListener}, inside the engine command that changes the
 * task, on the same JTA transaction and the same (Agroal-shared) connection: both commit or neither does. An open
 * item's offers to its groups ({@code luoshi_inbox_offer}, what the inbox lists and counts by) follow each write of
 * its row by the table's triggers, in the same statement.
 *
 * <p>The tables are Flyway's ({@code db/migration}, history in {@code luoshi_schema_history}), migrated at start-up
 * before the engine is built; the engine's own ACT_* tables stay the engine's.
 */
@ApplicationScoped
public class InboxReadModel {
    private static final Logger LOG = Logger.getLogger(InboxReadModel.class);

    public static final String STATUS_OPEN = "OPEN";
    public static final String STATUS_COMPLETED = "COMPLETED";
    public static final String STATUS_DELETED = "DELETED";

    /**
     * Index names (db/migration), referred to by the EXPLAIN test and the README: a group's open items in inbox order,
     * and one kind of them ({@code luoshi_inbox_offer}, V5, kept by triggers on {@code luoshi_inbox_item}).
     */
    public static final String INDEX_OFFERS_BY_DUE = "luoshi_inbox_offer_group_due";
    public static final String INDEX_OFFERS_BY_ACTIVITY = "luoshi_inbox_offer_group_activity_due";

    @Inject
    DataSource dataSource;

    /** A user task's row as the engine sees it now. */
    public record Row(String taskId, String processInstanceId, String processDefinitionKey, String businessKey,
            String activityId, String name, List<String> candidateGroups, String assignee, String delegatedBy,
            Date created, Date due, Long planTaskId, String taskTitle, String planSection, String departmentCode,
            String milestoneTitle) {
    }

    /** One line of an item's history ({@code luoshi_inbox_event}): who did what, with what detail. */
    public record Event(String actor, String action, String detail) {
    }

    /**
     * Inserts or refreshes the open row of a task, and appends the events to its history in the same statement (a
     * data-modifying {@code with}: one round trip instead of one per event).
     */
    public void upsertOpen(Row row, Event... events) {
        String sql = withEvents("""
                insert into luoshi_inbox_item (task_id, process_instance_id, process_definition_key, business_key,
                    activity_id, name, candidate_groups, assignee, delegated_by, created, due, plan_task_id, task_title,
                    plan_section, department_code, milestone_title, status, updated)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', now())
                on conflict (task_id) do update set
                    name = excluded.name, candidate_groups = excluded.candidate_groups, assignee = excluded.assignee,
                    delegated_by = excluded.delegated_by, due = excluded.due, plan_task_id = excluded.plan_task_id,
                    task_title = excluded.task_title, plan_section = excluded.plan_section,
                    department_code = excluded.department_code, business_key = excluded.business_key,
                    milestone_title = excluded.milestone_title,
                    status = 'OPEN', updated = now()""", events);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            Array groups = connection.createArrayOf("text", row.candidateGroups().toArray());
            int i = 1;
            statement.setString(i++, row.taskId());
            statement.setString(i++, row.processInstanceId());
            statement.setString(i++, row.processDefinitionKey());
            statement.setString(i++, row.businessKey());
            statement.setString(i++, row.activityId());
            statement.setString(i++, row.name());
            statement.setArray(i++, groups);
            statement.setString(i++, row.assignee());
            statement.setString(i++, row.delegatedBy());
            statement.setTimestamp(i++, timestamp(row.created() == null ? new Date() : row.created()));
            statement.setTimestamp(i++, timestamp(row.due()));
            statement.setObject(i++, row.planTaskId());
            statement.setString(i++, row.taskTitle());
            statement.setString(i++, row.planSection());
            statement.setString(i++, row.departmentCode());
            statement.setString(i++, row.milestoneTitle());
            setEvents(statement, i, row.taskId(), events);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write inbox item " + row.taskId(), e);
        }
    }

    /**
     * Gives the rows written before the read model had {@code milestone_title} the title of their milestone, from the
     * process variable {@code milestoneTitle}: the running instance's, else the history's (ended instances, history
     * level audit or full). Rows whose process has no such variable stay empty. Returns how many rows it filled.
     */
    public int backfillMilestoneTitles() {
        String fillFrom = """
                update luoshi_inbox_item i set milestone_title = v.text_
                from %s v
                where i.milestone_title is null and i.process_definition_key = 'milestone-reporting'
                  and v.proc_inst_id_ = i.process_instance_id and v.execution_id_ = v.proc_inst_id_
                  and v.name_ = 'milestoneTitle' and v.text_ is not null""";
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate(fillFrom.formatted("act_ru_variable"))
                    + statement.executeUpdate(fillFrom.formatted("act_hi_varinst"));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not fill in the milestone titles of the inbox items", e);
        }
    }

    /**
     * Marks a task's row COMPLETED or DELETED with who held it then (a claim completed in the same command wrote no row
     * of its own); it leaves the partial indexes and every inbox. The events are appended to its history in the same
     * statement, as with {@link #upsertOpen}.
     */
    public void markEnded(String taskId, String status, String actor, String assignee, Event... events) {
        String sql = withEvents("update luoshi_inbox_item set status = ?, ended = now(), ended_by = ?, assignee = ?, "
                + "updated = now() where task_id = ?", events);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, status);
            statement.setString(2, actor);
            statement.setString(3, assignee);
            statement.setString(4, taskId);
            setEvents(statement, 5, taskId, events);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end inbox item " + taskId, e);
        }
    }

    /** Appends to the item's history: created, claimed, unclaimed, delegated, assigned, completed, deleted. */
    public void logEvent(String taskId, String actor, String action, String detail) {
        String sql = "insert into luoshi_inbox_event (task_id, at, actor, action, detail) values (?, ?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, taskId);
            statement.setTimestamp(2, Timestamp.from(Instant.now()));
            statement.setString(3, actor);
            statement.setString(4, action);
            statement.setString(5, detail);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not log inbox event of " + taskId, e);
        }
    }

    /**
     * The write followed by the events' insert: PostgreSQL runs a data-modifying {@code with} to completion whether or
     * not the statement reads it, so the events are appended even when the write meets no row, as a separate insert was.
     * The events' ids follow their order, which is the order the history is read in (at, id).
     */
    private static String withEvents(String write, Event... events) {
        if (events.length == 0) {
            return write;
        }
        StringBuilder sql = new StringBuilder("with written as (").append(write)
                .append(") insert into luoshi_inbox_event (task_id, at, actor, action, detail) values ");
        for (int e = 0; e < events.length; e++) {
            sql.append(e == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    private static void setEvents(PreparedStatement statement, int first, String taskId, Event... events) throws SQLException {
        Timestamp at = Timestamp.from(Instant.now());
        int i = first;
        for (Event event : events) {
            statement.setString(i++, taskId);
            statement.setTimestamp(i++, at);
            statement.setString(i++, event.actor());
            statement.setString(i++, event.action());
            statement.setString(i++, event.detail());
        }
    }

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
