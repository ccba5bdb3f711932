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
 * task, on the same JTA transaction and the same (Agroal-shared) connection: both commit or neither does.
 *
 * <p>The schema is created here with plain JDBC ({@code create ... if not exists}), before the engine is built. Two
 * tables do not justify Flyway (a second migration history next to the engine's own schema management, and one more
 * extension to build offline); an advisory lock keeps two instances starting at once from racing.
 */
@ApplicationScoped
public class InboxReadModel {
    private static final Logger LOG = Logger.getLogger(InboxReadModel.class);

    public static final String STATUS_OPEN = "OPEN";
    public static final String STATUS_COMPLETED = "COMPLETED";
    public static final String STATUS_DELETED = "DELETED";

    /** Index names, referred to by the EXPLAIN test and the README. */
    public static final String INDEX_GROUPS = "luoshi_inbox_item_groups_open";
    public static final String INDEX_ASSIGNEE = "luoshi_inbox_item_assignee_open";
    public static final String INDEX_ACTIVITY = "luoshi_inbox_item_activity_open";

    static final List<String> DDL = List.of(
            """
            create table if not exists luoshi_inbox_item (
                task_id varchar(64) primary key,
                process_instance_id varchar(64) not null,
                process_definition_key varchar(255) not null,
                business_key varchar(255),
                activity_id varchar(255) not null,
                name varchar(255),
                candidate_groups text[] not null default '{}',
                assignee varchar(255),
                delegated_by varchar(255),
                created timestamptz not null,
                due timestamptz,
                plan_task_id bigint,
                task_title text,
                plan_section text,
                department_code varchar(64),
                status varchar(16) not null,
                ended timestamptz,
                ended_by varchar(255),
                updated timestamptz not null
            )""",
            // Partial indexes: only open items are indexed, so the indexes stay small however long the history grows.
            "create index if not exists " + INDEX_GROUPS
                    + " on luoshi_inbox_item using gin (candidate_groups) where status = 'OPEN'",
            "create index if not exists " + INDEX_ASSIGNEE
                    + " on luoshi_inbox_item (assignee, due, created) where status = 'OPEN'",
            "create index if not exists luoshi_inbox_item_process on luoshi_inbox_item (process_instance_id)",
            // added later: tables of older databases get the column here (create table above does not change them)
            "alter table luoshi_inbox_item add column if not exists milestone_title text",
            // one kind of item (e.g. every report waiting for 督查室审核) in inbox order: the supervision office's
            // candidate group holds every kind of its work, so the GIN index alone would read all of it
            "create index if not exists " + INDEX_ACTIVITY
                    + " on luoshi_inbox_item (activity_id, due, created, task_id) where status = 'OPEN'",
            """
            create table if not exists luoshi_inbox_event (
                id bigserial primary key,
                task_id varchar(64) not null,
                at timestamptz not null,
                actor varchar(255),
                action varchar(32) not null,
                detail text
            )""",
            "create index if not exists luoshi_inbox_event_task on luoshi_inbox_event (task_id, at)");

    @Inject
    DataSource dataSource;

    /** Creates the tables and indexes if missing; called once before the engine starts. */
    public void createSchema() {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(7410221)"); // any constant shared by all instances
                for (String ddl : DDL) {
                    statement.execute(ddl);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the inbox read model tables", e);
        }
        LOG.info("Inbox read model ready (luoshi_inbox_item, luoshi_inbox_event)");
    }

    /** A user task's row as the engine sees it now. */
    public record Row(String taskId, String processInstanceId, String processDefinitionKey, String businessKey,
            String activityId, String name, List<String> candidateGroups, String assignee, String delegatedBy,
            Date created, Date due, Long planTaskId, String taskTitle, String planSection, String departmentCode,
            String milestoneTitle) {
    }

    /** Inserts or refreshes the open row of a task. */
    public void upsertOpen(Row row) {
        String sql = """
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
                    status = 'OPEN', updated = now()""";
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

    /** Marks a task's row COMPLETED or DELETED; it leaves the partial indexes and every inbox. */
    public void markEnded(String taskId, String status, String actor) {
        String sql = "update luoshi_inbox_item set status = ?, ended = now(), ended_by = ?, updated = now() where task_id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, status);
            statement.setString(2, actor);
            statement.setString(3, taskId);
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

    private static Timestamp timestamp(Date date) {
        return date == null ? null : new Timestamp(date.getTime());
    }
}
