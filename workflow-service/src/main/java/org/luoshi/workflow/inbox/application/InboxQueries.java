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
 * Reads the inbox read model ({@code luoshi_inbox_item}, and its offers per group {@code luoshi_inbox_offer} for lists
 * and counts) and nothing else: no query of Camunda's task tables, so the inbox does not slow down with the engine's
 * history nor with the number of open items of other groups. The SQL is built here once for the API and for the EXPLAIN test
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

    /**
     * The conditions of the list and its counts beyond the caller's groups: on the offer {@code o} (the caller's groups'
     * entries of {@code luoshi_inbox_offer}, which carry due, kind and process) and, for the filters the offers do not
     * carry, on the item {@code i} joined to it ({@code joinsItem}).
     */
    record Conditions(String offer, List<Object> offerParameters, String item, List<Object> itemParameters) {
        boolean joinsItem() {
            return !item.isEmpty();
        }

        /** The FROM and WHERE after {@code from}, for offers {@code o} of the groups matched by {@code groupCondition}. */
        String from(String groupCondition) {
            return "luoshi_inbox_offer o" + (joinsItem() ? " join luoshi_inbox_item i on i.task_id = o.task_id" : "")
                    + " where " + groupCondition + offer + item;
        }

        List<Object> parameters() {
            List<Object> all = new ArrayList<>(offerParameters);
            all.addAll(itemParameters);
            return all;
        }
    }

    static Conditions conditions(Filter filter) {
        StringBuilder offer = new StringBuilder();
        List<Object> offerParameters = new ArrayList<>();
        if (filter.processKey() != null) {
            offer.append(" and o.process_definition_key = ?");
            offerParameters.add(filter.processKey());
        }
        if (filter.dueFrom() != null) {
            offer.append(" and o.due >= ?");
            offerParameters.add(Timestamp.from(filter.dueFrom()));
        }
        if (filter.dueTo() != null) {
            offer.append(" and o.due < ?");
            offerParameters.add(Timestamp.from(filter.dueTo()));
        }
        if (filter.overdue()) {
            offer.append(" and o.due < now()");
        }
        StringBuilder item = new StringBuilder();
        List<Object> itemParameters = new ArrayList<>();
        if (filter.processInstanceId() != null) {
            item.append(" and i.process_instance_id = ?");
            itemParameters.add(filter.processInstanceId());
        }
        if (filter.section() != null && !filter.section().isBlank()) {
            item.append(" and i.plan_section like ? escape '\\'");
            itemParameters.add(escapeLike(filter.section().strip()) + "%");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + escapeLike(filter.text().strip()) + "%";
            item.append(" and (i.name ilike ? or i.task_title ilike ? or i.milestone_title ilike ? or i.business_key ilike ?)");
            itemParameters.addAll(List.of(like, like, like, like));
        }
        return new Conditions(offer.toString(), offerParameters, item.toString(), itemParameters);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The counts: all matching items and the overdue ones among them, from the caller's groups' offers (an index-only
     * scan). An item offered to several groups of the caller is counted once; only such items need the distinct count.
     */
    public static Sql countSql(Caller caller, Filter filter) {
        Conditions conditions = conditions(filter);
        List<Object> parameters = new ArrayList<>(List.of(caller.groups()));
        String groups = "o.group_code = any(?)";
        if (!filter.activities().isEmpty()) {
            groups += " and o.activity_id = any(?)";
            parameters.add(filter.activities());
        }
        parameters.addAll(conditions.parameters());
        return new Sql("select count(*) filter (where not o.several_groups)"
                + " + count(distinct o.task_id) filter (where o.several_groups) as total,"
                + " count(*) filter (where not o.several_groups and o.due < now())"
                + " + count(distinct o.task_id) filter (where o.several_groups and o.due < now()) as overdue"
                + " from " + conditions.from(groups), parameters);
    }

    /**
     * The page and its counts in one statement, earliest due first (items without a due date last), then oldest first.
     * Each of the caller's groups (of each kind asked for) gives its first {@code (page + 1) * size} matching offers by
     * an index scan in that order; the page is taken from their union, which holds it: an item among the first n of
     * all is among the first n of each of its groups. The items are read by primary key for the page only.
     */
    public static Sql listSql(Caller caller, Filter filter, int page, int size) {
        Sql count = countSql(caller, filter);
        Conditions conditions = conditions(filter);
        List<Object> parameters = new ArrayList<>(count.parameters());
        parameters.add(caller.groups());
        String source = "unnest(?::text[]) as g(code)";
        String groups = "o.group_code = g.code";
        if (!filter.activities().isEmpty()) {
            source += " cross join unnest(?::text[]) as a(activity)";
            groups += " and o.activity_id = a.activity";
            parameters.add(filter.activities());
        }
        parameters.addAll(conditions.parameters());
        parameters.add((page + 1) * size);
        parameters.add(size);
        parameters.add((long) page * size);
        String inboxOrder = "due asc nulls last, created asc, task_id asc";
        return new Sql("with counted as (" + count.text() + ")"
                + " select counted.total, counted.overdue, p.* from counted left join lateral ("
                + "select " + COLUMNS + " from luoshi_inbox_item where task_id in ("
                + "select first.task_id from " + source + " cross join lateral ("
                + "select o.task_id from " + conditions.from(groups) + " order by o.due, o.created, o.task_id limit ?) first)"
                + " order by " + inboxOrder + " limit ? offset ?) p on true"
                + " order by p." + inboxOrder.replace(", ", ", p."), parameters);
    }

    /** One statement: the counts, and the page unless it lies beyond them. */
    public InboxPage list(Caller caller, Filter filter, int page, int size) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, listSql(caller, filter, page, size));
                ResultSet rows = statement.executeQuery()) {
            List<InboxItem> items = new ArrayList<>();
            long total = 0;
            long overdue = 0;
            while (rows.next()) {
                total = rows.getLong("total");
                overdue = rows.getLong("overdue");
                if (rows.getString("task_id") != null) {
                    items.add(item(rows));
                }
            }
            return new InboxPage(items, page, size, total, overdue);
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
