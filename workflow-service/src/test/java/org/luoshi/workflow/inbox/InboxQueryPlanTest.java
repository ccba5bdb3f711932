package org.luoshi.workflow.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.luoshi.workflow.inbox.readmodel.InboxReadModel;
import org.luoshi.workflow.inbox.application.InboxQueries;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The inbox's SQL uses the read model's indexes, not a scan of the whole table: 50,000 synthetic items (a fifth open,
 * spread over 200 departments; the rest history) are inserted with a unique marker, EXPLAIN (FORMAT JSON) of the exact
 * list and count statements for one department must show index scans on the partial indexes, and the rows are removed
 * again. Timings are printed, not asserted.
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class InboxQueryPlanTest {
    private static final int ROWS = 50_000;

    @Inject
    DataSource dataSource;

    @Test
    void theInboxQueriesOfADepartmentUseTheIndexesOfTheReadModel() throws Exception {
        String marker = "plan-" + UUID.randomUUID();
        String department = marker + "-d10"; // n % 200 == 10: all 250 of its items are open (n % 5 == 0)
        try (Connection connection = dataSource.getConnection()) {
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into luoshi_inbox_item (task_id, process_instance_id, process_definition_key, business_key,
                        activity_id, name, candidate_groups, assignee, created, due, plan_task_id, task_title,
                        department_code, status, updated)
                    select ? || '-' || n, ? || '-p' || n, 'task-assignment', ? || '-bk-' || n, 'acceptTask', '接收任务',
                        array[? || '-d' || (n % 200)], case when n % 50 = 0 then 'someone' end,
                        now() - (n || ' minutes')::interval, now() + ((n % 90 - 30) || ' days')::interval, n,
                        '合成任务 ' || n, ? || '-d' || (n % 200), case when n % 5 = 0 then 'OPEN' else 'COMPLETED' end, now()
                    from generate_series(1, ?) as n""")) {
                for (int i = 1; i <= 5; i++) {
                    insert.setString(i, marker);
                }
                insert.setInt(6, ROWS);
                assertEquals(ROWS, insert.executeUpdate());
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze luoshi_inbox_item");
            }
            System.out.printf("InboxQueryPlanTest: inserted %d rows in %d ms%n", ROWS, (System.nanoTime() - started) / 1_000_000);
            try {
                InboxQueries.Caller caller = new InboxQueries.Caller("li.na", List.of(department, "role:staff"));
                InboxQueries.Sql list = InboxQueries.listSql(caller, InboxQueries.Filter.NONE, 0, 20);
                InboxQueries.Sql count = InboxQueries.countSql(caller, InboxQueries.Filter.NONE);

                for (InboxQueries.Sql sql : List.of(list, count)) {
                    String plan = explain(connection, sql, "EXPLAIN (FORMAT JSON) ");
                    System.out.println("InboxQueryPlanTest plan of: " + sql.text() + "\n" + plan);
                    assertTrue(plan.contains("\"Index Name\": \"" + InboxReadModel.INDEX_GROUPS + "\""),
                            "the candidate-group condition uses the GIN index: " + plan);
                    assertTrue(plan.contains("Bitmap Index Scan") || plan.contains("\"Index Scan\""), plan);
                    assertFalse(plan.contains("\"Seq Scan\""), "no sequential scan of luoshi_inbox_item: " + plan);
                }
                System.out.println("InboxQueryPlanTest EXPLAIN ANALYZE of the list:\n"
                        + explain(connection, list, "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) "));

                List<Long> micros = new ArrayList<>();
                int found = 0;
                for (int i = 0; i < 50; i++) {
                    long t0 = System.nanoTime();
                    try (PreparedStatement statement = InboxQueries.prepare(connection, list);
                            ResultSet rows = statement.executeQuery()) {
                        found = 0;
                        while (rows.next()) {
                            found++;
                        }
                    }
                    try (PreparedStatement statement = InboxQueries.prepare(connection, count);
                            ResultSet rows = statement.executeQuery()) {
                        rows.next();
                    }
                    micros.add((System.nanoTime() - t0) / 1000);
                }
                assertEquals(20, found, "the department has 250 open synthetic items; the first page has 20");
                micros.sort(null);
                System.out.printf("InboxQueryPlanTest: list + count of one department over %d rows: median %d µs, p90 %d µs, max %d µs%n",
                        ROWS, micros.get(25), micros.get(45), micros.get(49));
            } finally {
                try (PreparedStatement delete = connection.prepareStatement("delete from luoshi_inbox_item where task_id like ?")) {
                    delete.setString(1, marker + "-%");
                    assertEquals(ROWS, delete.executeUpdate());
                }
            }
        }
    }

    /**
     * The supervision office's candidate group holds every kind of its work, so the GIN index alone would read all of
     * it: one kind (督查室审核 of milestone reports) is found through the activity index, in inbox order.
     */
    @Test
    void oneKindOfItemOfABigGroupIsFoundThroughTheActivityIndex() throws Exception {
        String marker = "kind-" + UUID.randomUUID();
        String group = marker + "-supervision";
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into luoshi_inbox_item (task_id, process_instance_id, process_definition_key, business_key,
                        activity_id, name, candidate_groups, created, due, plan_task_id, task_title, milestone_title,
                        status, updated)
                    select ? || '-' || n, ? || '-p' || n, 'milestone-reporting', ? || '-bk-' || n,
                        case when n % 50 = 0 then 'reviewReport' when n % 2 = 0 then 'reviewReturn' else 'reviewAdjustment' end,
                        '督查室审核', array[?], now() - (n || ' minutes')::interval,
                        case when n % 3 = 0 then null else now() + ((n % 90 - 30) || ' days')::interval end, n,
                        '合成任务 ' || n, '合成节点 ' || n, case when n % 5 = 0 then 'OPEN' else 'COMPLETED' end, now()
                    from generate_series(1, ?) as n""")) {
                for (int i = 1; i <= 3; i++) {
                    insert.setString(i, marker);
                }
                insert.setString(4, group);
                insert.setInt(5, ROWS);
                assertEquals(ROWS, insert.executeUpdate());
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("analyze luoshi_inbox_item");
            }
            try {
                // 10,000 open items in the group, 1,000 of them reviews of milestone reports
                // the synthetic group only: real open items of other tests (role:supervisor) must not change the count
                InboxQueries.Caller caller = new InboxQueries.Caller("chen.jing", List.of(group));
                InboxQueries.Filter reviews = new InboxQueries.Filter(null, null, null, null, false, null,
                        List.of("reviewReport"), null);
                InboxQueries.Sql list = InboxQueries.listSql(caller, reviews, 0, 20);
                InboxQueries.Sql count = InboxQueries.countSql(caller, reviews);
                for (InboxQueries.Sql sql : List.of(list, count)) {
                    String plan = explain(connection, sql, "EXPLAIN (FORMAT JSON) ");
                    System.out.println("InboxQueryPlanTest plan of: " + sql.text() + "\n" + plan);
                    assertTrue(plan.contains("\"Index Name\": \"" + InboxReadModel.INDEX_ACTIVITY + "\""),
                            "the activity condition uses the activity index: " + plan);
                    assertFalse(plan.contains("\"Seq Scan\""), "no sequential scan of luoshi_inbox_item: " + plan);
                }
                System.out.println("InboxQueryPlanTest EXPLAIN ANALYZE of one kind's list:\n"
                        + explain(connection, list, "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) "));
                try (PreparedStatement statement = InboxQueries.prepare(connection, count); ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    assertEquals(1000, rows.getLong(1), "every 50th of the 50,000 rows is an open review");
                }
                List<Long> micros = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    long t0 = System.nanoTime();
                    try (PreparedStatement statement = InboxQueries.prepare(connection, list);
                            ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            assertEquals("reviewReport", rows.getString("activity_id"));
                        }
                    }
                    try (PreparedStatement statement = InboxQueries.prepare(connection, count);
                            ResultSet rows = statement.executeQuery()) {
                        rows.next();
                    }
                    micros.add((System.nanoTime() - t0) / 1000);
                }
                micros.sort(null);
                System.out.printf("InboxQueryPlanTest: list + count of one kind in a group of 10,000 open items: median %d µs, "
                        + "p90 %d µs, max %d µs%n", micros.get(25), micros.get(45), micros.get(49));
            } finally {
                try (PreparedStatement delete = connection.prepareStatement("delete from luoshi_inbox_item where task_id like ?")) {
                    delete.setString(1, marker + "-%");
                    assertEquals(ROWS, delete.executeUpdate());
                }
            }
        }
    }

    private static String explain(Connection connection, InboxQueries.Sql sql, String prefix) throws Exception {
        InboxQueries.Sql explained = new InboxQueries.Sql(prefix + sql.text(), sql.parameters());
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement statement = InboxQueries.prepare(connection, explained); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
