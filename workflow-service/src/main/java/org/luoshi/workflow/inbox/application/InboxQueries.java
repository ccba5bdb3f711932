package org.luoshi.workflow.inbox.application;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.workflow.inbox.api.InboxItem;
import org.luoshi.workflow.inbox.api.InboxCount;
import org.luoshi.workflow.inbox.api.InboxPage;

/**
 * Reads the inbox read model ({@code luoshi_inbox_item}) and nothing else: no query of Camunda's task tables, so the
 * inbox does not slow down with the engine's history. The SQL is built here once for the API and for the EXPLAIN test
 * ({@code InboxQueryPlanTest}), so the test checks the plan of exactly what runs.
 */
@ApplicationScoped
public class InboxQueries {
    static final String COLUMNS = "task_id, name, process_definition_key, process_instance_id, plan_task_id, task_title, "
            + "department_code, created, due, activity_id, business_key, assignee, delegated_by, candidate_groups, "
            + "plan_section, status, milestone_title";

    @Inject
    DataSource dataSource;

    /** Who asks: their user name and their groups (department codes and {@code role:<role>}). */
    public record Caller(String username, List<String> groups) {
    }

    /**
     * The list's filters; null (or empty) means "any".
     *
     * @param section a plan reference prefix such as 三（一）: the items of tasks of that chapter or section
     * @param activities the BPMN activity ids of the kinds of item wanted, e.g. {@code reviewReport} (督查室审核)
     * @param processInstanceId the items of one process instance
     */
    public record Filter(String processKey, String section, Instant dueFrom, Instant dueTo, boolean overdue, String text,
            List<String> activities, String processInstanceId) {
        public static final Filter NONE = new Filter(null, null, null, null, false, null);

        public Filter {
            activities = activities == null ? List.of()
                    : activities.stream().filter(a -> a != null && !a.isBlank()).map(String::strip).distinct().toList();
        }

        public Filter(String processKey, String section, Instant dueFrom, Instant dueTo, boolean overdue, String text) {
            this(processKey, section, dueFrom, dueTo, overdue, text, List.of(), null);
        }

        /** The open items of a process of the given key, optionally of one instance (at most {@code 100} per page). */
        public static Filter ofProcess(String processKey, String processInstanceId) {
            return new Filter(processKey, null, null, null, false, null, List.of(),
                    processInstanceId == null || processInstanceId.isBlank() ? null : processInstanceId);
        }
    }

    /** A statement and its parameters (a {@code List<String>} parameter is bound as {@code text[]}). */
    public record Sql(String text, List<Object> parameters) {
    }

    /** A stored item, with the status it has now. */
    public record Stored(InboxItem item, String status) {
    }

    /** The WHERE clause of the list and its counts: open items offered to one of the caller's groups. */
    static Sql where(Caller caller, Filter filter) {
        StringBuilder sql = new StringBuilder(
                " from luoshi_inbox_item where status = 'OPEN' and candidate_groups && ?");
        List<Object> parameters = new ArrayList<>(List.of(caller.groups()));
        if (filter.processKey() != null) {
            sql.append(" and process_definition_key = ?");
            parameters.add(filter.processKey());
        }
        if (filter.activities().size() == 1) {
            sql.append(" and activity_id = ?");
            parameters.add(filter.activities().get(0));
        } else if (!filter.activities().isEmpty()) {
            sql.append(" and activity_id = any(?)");
            parameters.add(filter.activities());
        }
        if (filter.processInstanceId() != null) {
            sql.append(" and process_instance_id = ?");
            parameters.add(filter.processInstanceId());
        }
        if (filter.section() != null && !filter.section().isBlank()) {
            sql.append(" and plan_section like ? escape '\\'");
            parameters.add(escapeLike(filter.section().strip()) + "%");
        }
        if (filter.dueFrom() != null) {
            sql.append(" and due >= ?");
            parameters.add(Timestamp.from(filter.dueFrom()));
        }
        if (filter.dueTo() != null) {
            sql.append(" and due < ?");
            parameters.add(Timestamp.from(filter.dueTo()));
        }
        if (filter.overdue()) {
            sql.append(" and due < now()");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + escapeLike(filter.text().strip()) + "%";
            sql.append(" and (name ilike ? or task_title ilike ? or milestone_title ilike ? or business_key ilike ?)");
            parameters.addAll(List.of(like, like, like, like));
        }
        return new Sql(sql.toString(), parameters);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The page query: earliest due first (items without a due date last), then oldest first. */
    public static Sql listSql(Caller caller, Filter filter, int page, int size) {
        Sql where = where(caller, filter);
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(size);
        parameters.add((long) page * size);
        return new Sql("select " + COLUMNS + where.text() + " order by due asc nulls last, created asc, task_id asc limit ? offset ?",
                parameters);
    }

    /** The counts: all matching items and the overdue ones among them. */
    public static Sql countSql(Caller caller, Filter filter) {
        Sql where = where(caller, filter);
        return new Sql("select count(*), count(*) filter (where due < now())" + where.text(), where.parameters());
    }

    public InboxPage list(Caller caller, Filter filter, int page, int size) {
        try (Connection connection = dataSource.getConnection()) {
            InboxCount count = count(connection, caller, filter);
            List<InboxItem> items = new ArrayList<>();
            if (count.total() > (long) page * size) {
                try (PreparedStatement statement = prepare(connection, listSql(caller, filter, page, size));
                        ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        items.add(item(rows));
                    }
                }
            }
            return new InboxPage(items, page, size, count.total(), count.overdue());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inbox", e);
        }
    }

    public InboxCount count(Caller caller, Filter filter) {
        try (Connection connection = dataSource.getConnection()) {
            return count(connection, caller, filter);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the inbox", e);
        }
    }

    private static InboxCount count(Connection connection, Caller caller, Filter filter) throws SQLException {
        try (PreparedStatement statement = prepare(connection, countSql(caller, filter)); ResultSet rows = statement.executeQuery()) {
            rows.next();
            return new InboxCount(rows.getLong(1), rows.getLong(2));
        }
    }

    /**
     * The item if it is open and offered to one of the caller's groups. Holding it is not enough: an item handed to
     * someone outside its groups (before 转办 was checked) stays out of their reach.
     */
    public Optional<Stored> findOpenEntitled(String id, Caller caller) {
        return findOne(new Sql("select " + COLUMNS + " from luoshi_inbox_item where task_id = ? and status = 'OPEN'"
                + " and candidate_groups && ?", List.of(id, caller.groups())));
    }

    /** The item in any status if the caller was ever entitled to it (for its history and for bulk results). */
    public Optional<Stored> findEverEntitled(String id, Caller caller) {
        return findOne(new Sql("select " + COLUMNS + " from luoshi_inbox_item where task_id = ?"
                + " and (candidate_groups && ? or delegated_by = ? or ended_by = ?)",
                List.of(id, caller.groups(), caller.username(), caller.username())));
    }

    /** The item if it is open, whoever's it is (for supervisors releasing a claim). */
    public Optional<Stored> findOpen(String id) {
        return findOne(new Sql("select " + COLUMNS + " from luoshi_inbox_item where task_id = ? and status = 'OPEN'",
                List.of(id)));
    }

    public List<String[]> events(String id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select at, actor, action, detail from luoshi_inbox_event where task_id = ? order by at, id")) {
            statement.setString(1, id);
            List<String[]> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new String[] { rows.getTimestamp(1).toInstant().toString(), rows.getString(2),
                            rows.getString(3), rows.getString(4) });
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the history of " + id, e);
        }
    }

    private Optional<Stored> findOne(Sql sql) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql);
                ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(new Stored(item(rows), rows.getString("status"))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inbox", e);
        }
    }

    /** Binds the parameters: lists as {@code text[]}. Public for the EXPLAIN test. */
    public static PreparedStatement prepare(Connection connection, Sql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql.text());
        int index = 1;
        for (Object parameter : sql.parameters()) {
            if (parameter instanceof List<?> list) {
                Array array = connection.createArrayOf("text", list.toArray());
                statement.setArray(index++, array);
            } else {
                statement.setObject(index++, parameter);
            }
        }
        return statement;
    }

    private static InboxItem item(ResultSet rows) throws SQLException {
        Instant due = instant(rows.getTimestamp("due"));
        Array groups = rows.getArray("candidate_groups");
        Number planTaskId = (Number) rows.getObject("plan_task_id");
        String status = rows.getString("status");
        return new InboxItem(rows.getString("task_id"), rows.getString("name"), rows.getString("process_definition_key"),
                rows.getString("process_instance_id"), planTaskId == null ? null : planTaskId.longValue(),
                rows.getString("task_title"), rows.getString("department_code"), instant(rows.getTimestamp("created")), due,
                rows.getString("activity_id"), rows.getString("business_key"), rows.getString("assignee"),
                rows.getString("delegated_by"),
                groups == null ? List.of() : Arrays.asList((String[]) groups.getArray()), rows.getString("plan_section"),
                status, "OPEN".equals(status) && due != null && due.isBefore(Instant.now()), rows.getString("milestone_title"),
                null, null, null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
