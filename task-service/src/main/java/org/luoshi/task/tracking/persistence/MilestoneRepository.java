package org.luoshi.task.tracking.persistence;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.MilestoneStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Milestones through Hibernate, and for the bulk path ({@code POST /api/plans/{id}/milestones}) through JDBC in the
 * same transaction: the identity ids keep Hibernate from batching inserts, so thousands of milestones are written as
 * one multi-row insert instead of one statement (and one whole-task view) each.
 */
@ApplicationScoped
public class MilestoneRepository implements PanacheRepository<Milestone> {
    @Inject
    DataSource dataSource;

    /** A milestone a task has: its id, and what makes another with the same title and due date a repeat of it. */
    public record Present(long taskId, long id, int ordinal, String title, LocalDate dueDate) {
    }

    /** A milestone to insert, its ordinal chosen by the caller. */
    public record Row(long taskId, int ordinal, String title, LocalDate dueDate, String deliverable, BigDecimal weight) {
    }

    /**
     * Locks these tasks' rows until the transaction ends (in id order, so two bulk calls cannot deadlock) and answers
     * their milestones as they stand once the lock is held: a concurrent call adding the same milestones has committed
     * by then, and its milestones are seen.
     */
    public List<Present> lockTasksAndReadMilestones(Collection<Long> taskIds) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement(
                    "select id from plan_task where id = any(?) order by id for update")) {
                lock.setArray(1, c.createArrayOf("bigint", taskIds.toArray()));
                lock.executeQuery().close();
            }
            List<Present> present = new ArrayList<>();
            try (PreparedStatement read = c.prepareStatement(
                    "select task_id, id, ordinal, title, due_date from milestone where task_id = any(?)")) {
                read.setArray(1, c.createArrayOf("bigint", taskIds.toArray()));
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        present.add(new Present(rows.getLong(1), rows.getLong(2), rows.getInt(3), rows.getString(4),
                                rows.getObject(5, LocalDate.class)));
                    }
                }
            }
            return present;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the milestones of " + taskIds.size() + " tasks", e);
        }
    }

    /** Inserts the rows in one statement; answers their ids in the rows' order (one ordinal per task and row). */
    public List<Long> insertAll(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String sql = """
                insert into milestone (task_id, ordinal, title, due_date, deliverable, weight, status, version)
                select t, o, ti, d, de, w, ?, 0
                from unnest(?::bigint[], ?::int[], ?::varchar[], ?::date[], ?::varchar[], ?::numeric[])
                     with ordinality as r(t, o, ti, d, de, w, n)
                order by n
                returning id, task_id, ordinal""";
        int size = rows.size();
        Object[] tasks = new Object[size];
        Object[] ordinals = new Object[size];
        Object[] titles = new Object[size];
        Object[] dates = new Object[size];
        Object[] deliverables = new Object[size];
        Object[] weights = new Object[size];
        for (int i = 0; i < size; i++) {
            Row row = rows.get(i);
            tasks[i] = row.taskId();
            ordinals[i] = row.ordinal();
            titles[i] = row.title();
            dates[i] = Date.valueOf(row.dueDate());
            deliverables[i] = row.deliverable();
            weights[i] = row.weight();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setString(1, MilestoneStatus.PLANNED.name());
            insert.setArray(2, c.createArrayOf("bigint", tasks));
            insert.setArray(3, c.createArrayOf("int4", ordinals));
            insert.setArray(4, c.createArrayOf("varchar", titles));
            insert.setArray(5, c.createArrayOf("date", dates));
            insert.setArray(6, c.createArrayOf("varchar", deliverables));
            insert.setArray(7, c.createArrayOf("numeric", weights));
            // matched by (task, ordinal), unique among new rows: RETURNING's order is not promised
            Map<String, Long> idByKey = new HashMap<>();
            try (ResultSet result = insert.executeQuery()) {
                while (result.next()) {
                    idByKey.put(result.getLong(2) + ":" + result.getInt(3), result.getLong(1));
                }
            }
            return rows.stream().map(row -> idByKey.get(row.taskId() + ":" + row.ordinal())).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert " + size + " milestones", e);
        }
    }

    /** Raises the version of tasks whose milestones changed outside Hibernate, as a change of its collection would. */
    public void touchTasks(Collection<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "update plan_task set version = version + 1 where id = any(?)")) {
            update.setArray(1, c.createArrayOf("bigint", taskIds.toArray()));
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update " + taskIds.size() + " tasks", e);
        }
    }

    /** The milestones of these tasks by task, for callers that read many at once. */
    public static Map<Long, List<Present>> byTask(List<Present> present) {
        Map<Long, List<Present>> byTask = new HashMap<>();
        for (Present p : present) {
            byTask.computeIfAbsent(p.taskId(), k -> new ArrayList<>()).add(p);
        }
        return byTask;
    }

    /**
     * The milestone with its task and the task's plan, in one query: the visibility check reads both, and loading them
     * one by one cost three round trips on every milestone write (a report, a decision, a tracking mark).
     */
    public Optional<Milestone> findWithTask(long id) {
        // "=" rather than withTasks' "in": a list parameter makes Hibernate translate the query anew on every call
        return find("from Milestone m join fetch m.task t left join fetch t.plan where m.id = ?1", id).firstResultOptional();
    }

    /** A milestone as its tracking's start answers it: with its task, and the numbers of the task's chapter and section. */
    public record ForTracking(Milestone milestone, String chapterNumber, String sectionNumber) {
    }

    /**
     * {@link #findWithTask} with what the start of its tracking answers besides: the task's co-departments and its
     * chapter's and section's numbers (null for a task outside a section), one statement instead of three. The
     * workflow starts a milestone's tracking once per milestone, right after it is added.
     */
    public Optional<ForTracking> findForTracking(long id) {
        List<Object[]> rows = getEntityManager().createQuery("select m, c.number, s.number from Milestone m"
                + " join fetch m.task t left join fetch t.plan left join fetch t.coDepartmentCodes"
                + " left join PlanSection s on s.id = t.sectionId left join PlanChapter c on c.id = s.chapterId"
                + " where m.id = ?1", Object[].class).setParameter(1, id).getResultList();
        // a row per co-department, each with the same milestone (its task's collection filled from all of them)
        return rows.stream().findFirst()
                .map(row -> new ForTracking((Milestone) row[0], (String) row[1], (String) row[2]));
    }

    /** A milestone added after its task's others: its id, ordinal and weight as stored (rounded to the column's scale). */
    public record Added(long id, int ordinal, BigDecimal weight) {
    }

    /**
     * Inserts a milestone one past the task's highest ordinal, without going through the session (nothing in the
     * adding transaction reads it back as an entity), and raises the task's version as a change of its collection
     * would (its ETag moves on, as {@link #touchTasks} does for the bulk path), in one statement.
     */
    public Added insertNext(long taskId, String title, LocalDate dueDate, String deliverable, BigDecimal weight) {
        return insertNext(taskId, title, dueDate, deliverable, weight, null);
    }

    /** {@link #insertNext} with the milestone tracked from {@code trackingStartedAt} (null: not tracked). */
    public Added insertNext(long taskId, String title, LocalDate dueDate, String deliverable, BigDecimal weight,
            java.time.Instant trackingStartedAt) {
        String sql = """
                with task as (update plan_task set version = version + 1 where id = ? returning id)
                insert into milestone (task_id, ordinal, title, due_date, deliverable, weight, status, version,
                                       tracking_started_at)
                select task.id, coalesce((select max(m.ordinal) from milestone m where m.task_id = task.id), 0) + 1,
                       ?, ?, ?, ?, ?, 0, ?
                from task
                returning id, ordinal, weight""";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setLong(1, taskId);
            insert.setString(2, title);
            insert.setObject(3, dueDate);
            insert.setString(4, deliverable);
            insert.setBigDecimal(5, weight);
            insert.setString(6, MilestoneStatus.PLANNED.name());
            insert.setObject(7, trackingStartedAt == null ? null
                    : java.time.OffsetDateTime.ofInstant(trackingStartedAt, java.time.ZoneOffset.UTC));
            try (ResultSet result = insert.executeQuery()) {
                result.next();
                return new Added(result.getLong(1), result.getInt(2), result.getBigDecimal(3));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not add a milestone to task " + taskId, e);
        }
    }

    /** {@link #findWithTask} for many ids, in one query; the ones that do not exist are missing from the answer. */
    public List<Milestone> withTasks(Collection<Long> ids) {
        return list("from Milestone m join fetch m.task t left join fetch t.plan where m.id in ?1", ids);
    }

    /** A task's milestones in figures: how many, how many are not done, the day the last done one was done. */
    public record Progress(long count, long open, LocalDate lastDoneOn) {
    }

    /**
     * {@link Progress} of the task, counted in one query without loading its milestones. DONE is a literal: Hibernate
     * keeps no translation of a query with a parameter in its select clause, and this one runs on every approval.
     */
    public Progress progressOf(long taskId) {
        Object[] row = getEntityManager().createQuery("select count(m), sum(case when m.status <> "
                + MilestoneStatus.class.getName() + "." + MilestoneStatus.DONE.name() + " then 1 else 0 end), "
                + "max(m.completedOn) from Milestone m where m.task.id = ?1", Object[].class)
                .setParameter(1, taskId).getSingleResult();
        return new Progress(((Number) row[0]).longValue(), row[1] == null ? 0 : ((Number) row[1]).longValue(),
                (LocalDate) row[2]);
    }
}
