package org.luoshi.workflow.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.luoshi.workflow.inbox.api.InboxItem;
import org.luoshi.workflow.inbox.api.InboxPage;
import org.luoshi.workflow.inbox.application.InboxQueries;
import org.luoshi.workflow.inbox.application.InboxQueries.Caller;
import org.luoshi.workflow.inbox.application.InboxQueries.Filter;
import org.luoshi.workflow.inbox.readmodel.InboxReadModel;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The inbox's SQL at national scale: 200,000 open items over 60 departments (3,334 in the one measured, as li.na's
 * haidian in the benchmark), 2,000 open items of the supervision office's role of three kinds, 60 items offered to
 * two departments at once and 20,000 closed ones, inserted with a unique marker (the triggers write their offers),
 * analysed, and removed again. For every filter the screens use, EXPLAIN (FORMAT JSON) of the exact statement
 * {@link InboxQueries} runs must show index scans of the offers (a page: a short scan per group in inbox order, the
 * items by primary key; a count: an index-only scan), never a sequential scan or a sort of all the group's items, and
 * the answer must equal the same question asked of the item table directly. Timings are never asserted.
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxQueryPlanTest {
    private static final int OPEN = 200_000;
    private static final int DEPARTMENTS = 60;
    private static final int SUPERVISION = 2_000;
    private static final int SHARED = 60;
    private static final int CLOSED = 20_000;
    private static final int PAGE = 50;
    private static final String ORDER = " order by due asc nulls last, created asc, task_id asc";

    @Inject
    DataSource dataSource;

    @Inject
    InboxQueries queries;

    private final String marker = "plan-" + UUID.randomUUID();
    private final String measured = marker + "-d7";
    private final String neighbour = marker + "-d8";
    private final String supervision = marker + "-supervisor";

    @BeforeAll
    void insertTheItemsOfANationalDeployment() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            long started = System.nanoTime();
            insert(connection, """
                    select ? || '-o' || n, ? || '-p' || n, case when n % 3 = 0 then 'task-assignment' else 'milestone-reporting' end,
                        ? || '-bk-' || n, case when n % 3 = 0 then 'acceptTask' else 'submitReport' end, '牵头单位填报',
                        array[? || '-d' || (n % 60)], now() - (n % 43200 || ' minutes')::interval,
                        date_trunc('day', now()) + ((n % 400 - 30) || ' days')::interval, n, '合成任务 ' || n, '三（一）' || (n % 7),
                        ? || '-d' || (n % 60), '合成节点 ' || n, 'OPEN', now()
                    from generate_series(1, ?) as n""", OPEN);
            insert(connection, """
                    select ? || '-s' || n, ? || '-sp' || n, case when n % 4 = 0 then 'milestone-reporting' else 'task-adjustment' end,
                        ? || '-sbk-' || n, case when n % 4 = 0 then 'reviewReport' when n % 4 = 1 then 'reviewAdjustment'
                        else 'approveAdjustment' end, '督查室审核', array[? || '-supervisor'], now() - (n || ' minutes')::interval,
                        case when n % 5 = 0 then null else now() + ((n % 90 - 30) || ' days')::interval end, n, '合成任务 ' || n,
                        '三（二）1', ? || '-d1', '合成节点 ' || n, 'OPEN', now()
                    from generate_series(1, ?) as n""", SUPERVISION);
            // due before every other item of the two departments: they lead both departments' inboxes
            insert(connection, """
                    select ? || '-x' || n, ? || '-xp' || n, 'milestone-reporting', ? || '-xbk-' || n, 'submitReport', '牵头单位填报',
                        array[? || '-d7', ? || '-d8'], now() - (n || ' minutes')::interval, now() - ((100 - n) || ' days')::interval,
                        n, '联合任务 ' || n, '三（一）1', ? || '-d7', '合成节点 ' || n, 'OPEN', now()
                    from generate_series(1, ?) as n""", SHARED);
            insert(connection, """
                    select ? || '-c' || n, ? || '-cp' || n, 'milestone-reporting', ? || '-cbk-' || n, 'submitReport', '牵头单位填报',
                        array[? || '-d7'], now() - interval '400 days', now() - interval '300 days', n, '合成任务 ' || n, '三（一）1',
                        ? || '-d7', '合成节点 ' || n, 'COMPLETED', now()
                    from generate_series(1, ?) as n""", CLOSED);
            try (Statement statement = connection.createStatement()) {
                statement.execute("vacuum analyze luoshi_inbox_item");
                statement.execute("vacuum analyze luoshi_inbox_offer");
            }
            System.out.printf("InboxQueryPlanTest: inserted %d items in %d ms%n", OPEN + SUPERVISION + SHARED + CLOSED,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Inserts the rows of a select whose parameters are the marker, as often as it has them, and the row count. */
    private void insert(Connection connection, String select, int rows) throws Exception {
        String sql = """
                insert into luoshi_inbox_item (task_id, process_instance_id, process_definition_key, business_key, activity_id,
                    name, candidate_groups, created, due, plan_task_id, task_title, plan_section, department_code,
                    milestone_title, status, updated)
                """ + select;
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            int markers = (int) select.chars().filter(c -> c == '?').count() - 1;
            for (int i = 1; i <= markers; i++) {
                insert.setString(i, marker);
            }
            insert.setInt(markers + 1, rows);
            assertEquals(rows, insert.executeUpdate());
        }
    }

    @AfterAll
    void removeThem() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from luoshi_inbox_item where task_id like ?")) {
            delete.setString(1, marker + "-%");
            assertEquals(OPEN + SUPERVISION + SHARED + CLOSED, delete.executeUpdate());
            try (PreparedStatement offers = connection.prepareStatement(
                    "select count(*) from luoshi_inbox_offer where task_id like ?")) {
                offers.setString(1, marker + "-%");
                try (ResultSet rows = offers.executeQuery()) {
                    rows.next();
                    assertEquals(0, rows.getLong(1), "the offers of deleted items go with them");
                }
            }
        }
    }

    private Caller staffOf(String... departments) {
        List<String> groups = new ArrayList<>(List.of(departments));
        groups.addAll(List.of("role:default-roles-luoshi", "role:offline_access", "role:staff", "role:uma_authorization"));
        return new Caller("li.na", groups);
    }

    @Test
    void aDepartmentsFirstPageIsAShortIndexScanPerGroupAndItsCountAnIndexOnlyScan() throws Exception {
        Caller caller = staffOf(measured);
        assertPlans(caller, Filter.NONE, InboxReadModel.INDEX_OFFERS_BY_DUE);
        assertSameAsTheItemTable(caller, Filter.NONE, "");
    }

    @Test
    void theOverdueAndDueDateFiltersAreRangesOfTheSameIndex() throws Exception {
        Caller caller = staffOf(measured);
        Filter overdue = new Filter(null, null, null, null, true, null);
        assertPlans(caller, overdue, InboxReadModel.INDEX_OFFERS_BY_DUE);
        assertSameAsTheItemTable(caller, overdue, " and due < now()");

        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(10, ChronoUnit.DAYS);
        Instant to = from.plus(60, ChronoUnit.DAYS);
        Filter window = new Filter(null, null, from, to, false, null);
        assertPlans(caller, window, InboxReadModel.INDEX_OFFERS_BY_DUE);
        assertSameAsTheItemTable(caller, window, " and due >= ? and due < ?", Timestamp.from(from), Timestamp.from(to));
    }

    @Test
    void oneProcessOfADepartmentIsFilteredInTheIndex() throws Exception {
        Caller caller = staffOf(measured);
        Filter assignments = new Filter("task-assignment", null, null, null, false, null);
        assertPlans(caller, assignments, InboxReadModel.INDEX_OFFERS_BY_DUE);
        assertSameAsTheItemTable(caller, assignments, " and process_definition_key = 'task-assignment'");
    }

    @Test
    void oneOrTwoKindsOfTheSupervisionOfficesWorkAreFoundThroughTheActivityIndex() throws Exception {
        Caller caller = new Caller("chen.jing", List.of(supervision, "role:staff"));
        Filter reviews = new Filter(null, null, null, null, false, null, List.of("reviewReport"), null);
        assertPlans(caller, reviews, InboxReadModel.INDEX_OFFERS_BY_ACTIVITY);
        assertSameAsTheItemTable(caller, reviews, " and activity_id = 'reviewReport'");

        Filter adjustments = new Filter(null, null, null, null, false, null, List.of("reviewAdjustment", "approveAdjustment"), null);
        assertPlans(caller, adjustments, InboxReadModel.INDEX_OFFERS_BY_ACTIVITY);
        assertSameAsTheItemTable(caller, adjustments, " and activity_id in ('reviewAdjustment', 'approveAdjustment')");
    }

    @Test
    void anItemOfferedToTwoGroupsOfTheCallerIsListedAndCountedOnce() throws Exception {
        Caller caller = staffOf(measured, neighbour);
        assertPlans(caller, Filter.NONE, InboxReadModel.INDEX_OFFERS_BY_DUE);
        InboxPage page = assertSameAsTheItemTable(caller, Filter.NONE, "");
        assertEquals(page.items().size(), page.items().stream().map(InboxItem::id).distinct().count());
        long shared = page.items().stream().filter(item -> item.candidateGroups().size() == 2).count();
        assertTrue(shared > 0, "the first page holds items of both departments: " + shared);
    }

    /**
     * The items of one process instance (an item's screen lists them) are found through the item table's process index;
     * a text or section search, which no index serves (a pattern inside the text), gives the same answer as the item
     * table, whatever plan the database chooses for it.
     */
    @Test
    void theInstanceFilterReadsTheInstancesItemsAloneAndTextAndSectionSearchesAnswerAsTheItemTable() throws Exception {
        Caller caller = staffOf(measured);
        Filter instance = Filter.ofProcess("milestone-reporting", marker + "-xp7");
        for (InboxQueries.Sql sql : List.of(InboxQueries.listSql(caller, instance, 0, PAGE), InboxQueries.countSql(caller, instance))) {
            String plan = explain(sql);
            assertTrue(plan.contains("\"Index Name\": \"luoshi_inbox_item_process\""), "the instance's items by its index: " + plan);
            assertNoSequentialOrBitmapScan(plan);
        }
        InboxPage one = assertSameAsTheItemTable(caller, instance, " and process_instance_id = '" + marker + "-xp7'");
        assertEquals(1, one.total());

        Filter text = new Filter(null, null, null, null, false, "联合任务");
        System.out.println("InboxQueryPlanTest plan of a text search:\n" + explain(InboxQueries.countSql(caller, text)));
        assertEquals(SHARED, assertSameAsTheItemTable(caller, text, " and task_title like '%联合任务%'").total());
        Filter section = new Filter(null, "三（一）1", null, null, false, null);
        assertSameAsTheItemTable(caller, section, " and plan_section like '三（一）1%'");
    }

    /** The page and the count use the offers' index {@code index}; neither reads or sorts all of a group's items. */
    private void assertPlans(Caller caller, Filter filter, String index) throws Exception {
        String list = explain(InboxQueries.listSql(caller, filter, 0, PAGE));
        assertTrue(list.contains("\"Index Name\": \"" + index + "\""), "the page scans " + index + ": " + list);
        assertTrue(list.contains("\"Index Name\": \"luoshi_inbox_item_pkey\""), "the page's items by primary key: " + list);
        assertNoSequentialOrBitmapScan(list);
        String count = explain(InboxQueries.countSql(caller, filter));
        assertTrue(count.contains("\"Node Type\": \"Index Only Scan\""), "the count reads the offers' index alone: " + count);
        assertTrue(count.contains("\"Index Name\": \"" + InboxReadModel.INDEX_OFFERS_BY_DUE + "\"")
                || count.contains("\"Index Name\": \"" + InboxReadModel.INDEX_OFFERS_BY_ACTIVITY + "\""), count);
        assertFalse(count.contains("luoshi_inbox_item"), "the count does not read the items: " + count);
        assertNoSequentialOrBitmapScan(count);
    }

    private static void assertNoSequentialOrBitmapScan(String plan) {
        assertFalse(plan.contains("\"Seq Scan\""), "no sequential scan: " + plan);
        assertFalse(plan.contains("\"Bitmap Heap Scan\""), "no scan of every matching row of the table: " + plan);
    }

    /**
     * The inbox's answer (page 0 and page 1, total, overdue) equals what the item table says when asked directly, the
     * way the inbox asked before it had offers: open, offered to one of the caller's groups, and {@code condition}.
     */
    private InboxPage assertSameAsTheItemTable(Caller caller, Filter filter, String condition, Object... parameters)
            throws Exception {
        InboxPage first = queries.list(caller, filter, 0, PAGE);
        InboxPage second = queries.list(caller, filter, 1, PAGE);
        String where = " from luoshi_inbox_item where status = 'OPEN' and candidate_groups && ?" + condition;
        List<Object> bound = new ArrayList<>(List.of(caller.groups()));
        bound.addAll(List.of(parameters));
        try (Connection connection = dataSource.getConnection()) {
            List<String> expected = new ArrayList<>();
            try (PreparedStatement statement = InboxQueries.prepare(connection,
                    new InboxQueries.Sql("select task_id" + where + ORDER + " limit " + 2 * PAGE, bound));
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    expected.add(rows.getString(1));
                }
            }
            List<String> listed = new ArrayList<>(first.items().stream().map(InboxItem::id).toList());
            listed.addAll(second.items().stream().map(InboxItem::id).toList());
            assertEquals(expected, listed, "the first two pages in inbox order");
            try (PreparedStatement statement = InboxQueries.prepare(connection, new InboxQueries.Sql(
                    "select count(*), count(*) filter (where due < now())" + where, bound));
                    ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertEquals(rows.getLong(1), first.total(), "total");
                assertEquals(rows.getLong(2), first.overdue(), "overdue");
                assertEquals(first.total(), queries.count(caller, filter).total(), "the count-only request counts the same");
            }
        }
        return first;
    }

    private String explain(InboxQueries.Sql sql) throws Exception {
        InboxQueries.Sql explained = new InboxQueries.Sql("EXPLAIN (FORMAT JSON) " + sql.text(), sql.parameters());
        StringBuilder plan = new StringBuilder();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = InboxQueries.prepare(connection, explained);
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
