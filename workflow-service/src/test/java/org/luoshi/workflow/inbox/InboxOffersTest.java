package org.luoshi.workflow.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.luoshi.workflow.inbox.api.InboxCount;
import org.luoshi.workflow.inbox.application.InboxQueries;
import org.luoshi.workflow.inbox.application.InboxQueries.Caller;
import org.luoshi.workflow.inbox.application.InboxQueries.Filter;
import org.luoshi.workflow.inbox.readmodel.InboxReadModel;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The offers the inbox lists and counts by follow every write of an item, as the task listener makes them: a new
 * group, a claim, a moved due date, the end of the item; also when many writes of the same items race.
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class InboxOffersTest {
    @Inject
    InboxReadModel readModel;

    @Inject
    InboxQueries queries;

    @Inject
    DataSource dataSource;

    private final String marker = "offers-" + UUID.randomUUID();
    private final String east = marker + "-east";
    private final String west = marker + "-west";

    @AfterEach
    void removeTheItems() throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from luoshi_inbox_item where task_id like ?")) {
            delete.setString(1, marker + "-%");
            delete.executeUpdate();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("delete from luoshi_inbox_event where task_id like ?")) {
            delete.setString(1, marker + "-%");
            delete.executeUpdate();
        }
    }

    private InboxReadModel.Row row(String id, List<String> groups, String assignee, Instant due) {
        return new InboxReadModel.Row(id, marker + "-p", "milestone-reporting", marker + "-bk", "submitReport", "牵头单位填报",
                groups, assignee, null, new Date(), due == null ? null : Date.from(due), 1L, "任务", "三（一）1", "east", "节点");
    }

    private long count(String... groups) {
        return queries.count(new Caller("someone", List.of(groups)), Filter.NONE).total();
    }

    @Test
    void anItemMovesBetweenInboxesWithItsGroupsAndLeavesThemWhenItEnds() {
        String id = marker + "-1";
        Instant due = Instant.now().plus(Duration.ofDays(3));
        readModel.upsertOpen(row(id, List.of(east), null, due));
        assertEquals(1, count(east));
        assertEquals(0, count(west));

        readModel.upsertOpen(row(id, List.of(west), null, due)); // the lead department changed (动态调整)
        assertEquals(0, count(east));
        assertEquals(1, count(west));

        readModel.upsertOpen(row(id, List.of(east, west), null, due));
        assertEquals(1, count(east, west), "offered to both of the caller's groups, counted once");
        assertEquals(1, queries.list(new Caller("someone", List.of(east, west)), Filter.NONE, 0, 20).items().size());

        readModel.upsertOpen(row(id, List.of(east, west), "li.na", due)); // claimed
        assertEquals(1, count(east));

        readModel.upsertOpen(row(id, List.of(east, west), "li.na", Instant.now().minus(Duration.ofDays(1)))); // date moved
        InboxCount overdue = queries.count(new Caller("someone", List.of(east, west)), Filter.NONE);
        assertEquals(1, overdue.overdue(), "the offers carry the moved due date");

        readModel.markEnded(id, InboxReadModel.STATUS_COMPLETED, "li.na", "li.na");
        assertEquals(0, count(east, west));
        assertEquals(0, offersOf(id).size());

        readModel.upsertOpen(row(id, List.of(east), null, due)); // the same task open again (an upsert reopens its row)
        assertEquals(List.of(east), offersOf(id));
    }

    @Test
    void theEventsGivenWithAWriteAreAppendedToTheItemsHistoryInTheirOrderEvenWhenTheRowIsMissing() throws Exception {
        String id = marker + "-h";
        readModel.upsertOpen(row(id, List.of(east), null, null), new InboxReadModel.Event(null, "created", east));
        assertEquals(1, count(east), "the row is written as without events");
        readModel.markEnded(id, InboxReadModel.STATUS_COMPLETED, "li.na", "li.na",
                new InboxReadModel.Event("li.na", "claimed", "li.na"), new InboxReadModel.Event("li.na", "completed", null));
        assertEquals(0, count(east));
        String missing = marker + "-never-written";
        readModel.markEnded(missing, InboxReadModel.STATUS_DELETED, "zhao.min", null,
                new InboxReadModel.Event("zhao.min", "deleted", "moved"));
        assertEquals(List.of("null created " + east, "li.na claimed li.na", "li.na completed null"), historyOf(id));
        assertEquals(List.of("zhao.min deleted moved"), historyOf(missing));
    }

    /** The item's history as InboxQueries reads it (at, id), one "actor action detail" per line. */
    private List<String> historyOf(String taskId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select actor, action, detail from luoshi_inbox_event where task_id = ? order by at, id")) {
            select.setString(1, taskId);
            List<String> lines = new ArrayList<>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    lines.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
            return lines;
        }
    }

    @Test
    void racingWritesOfTheSameItemsLeaveExactlyTheOffersOfTheirLastState() throws Exception {
        List<String> ids = List.of(marker + "-r1", marker + "-r2", marker + "-r3");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int writer = 0; writer < 6; writer++) {
                int w = writer;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        String id = ids.get((w + i) % ids.size());
                        switch ((w * 7 + i) % 4) {
                            case 0 -> readModel.upsertOpen(row(id, List.of(east), null, Instant.now()));
                            case 1 -> readModel.upsertOpen(row(id, List.of(west), "li.na", null));
                            case 2 -> readModel.upsertOpen(row(id, List.of(east, west), null, Instant.now().plusSeconds(i)));
                            default -> readModel.markEnded(id, InboxReadModel.STATUS_COMPLETED, "li.na", "li.na");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdown();
        }
        long open = 0;
        for (String id : ids) {
            List<String> expected = groupsIfOpen(id);
            assertEquals(expected, offersOf(id), "the offers of " + id + " are its groups while it is open");
            open += expected.isEmpty() ? 0 : 1;
        }
        assertEquals(open, count(east, west));
        assertTrue(open <= ids.size());
    }

    private List<String> groupsIfOpen(String id) {
        return column("select g from luoshi_inbox_item, unnest(candidate_groups) g where task_id = ? and status = 'OPEN' order by g", id);
    }

    private List<String> offersOf(String id) {
        return column("select group_code from luoshi_inbox_offer where task_id = ? order by group_code", id);
    }

    /** The first column of what the statement answers for this item, in its order. */
    private List<String> column(String sql, String id) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
