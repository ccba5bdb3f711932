package org.luoshi.workflow.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The {@code luoshi_notification} table (created by Flyway, db/migration), by plain JDBC on the Agroal datasource:
 * one table does not justify Hibernate ORM. Inserts made inside a JTA transaction (an engine job) commit or roll back
 * with it.
 */
@ApplicationScoped
public class NotificationStore {
    private static final String COLUMNS = "id, recipient_type, recipient, kind, subject, body, link, process_instance_id, "
            + "task_id, milestone_id, created_at, mailed_at, mailed_to";

    @Inject
    DataSource dataSource;

    /** Stores the notification unless one with the same key exists; returns the new id, or null for a duplicate. */
    public Long insert(NotificationDraft draft, Recipient recipient, String dedupKey, Instant createdAt) {
        String sql = "insert into luoshi_notification (recipient_type, recipient, kind, subject, body, link, "
                + "process_instance_id, task_id, milestone_id, dedup_key, created_at) values (?,?,?,?,?,?,?,?,?,?,?) "
                + "on conflict (dedup_key) do nothing returning id";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, recipient.type().name());
            statement.setString(2, recipient.name());
            statement.setString(3, draft.kind().name());
            statement.setString(4, draft.subject());
            statement.setString(5, draft.body());
            statement.setString(6, draft.link());
            statement.setString(7, draft.processInstanceId());
            setLong(statement, 8, draft.taskId());
            setLong(statement, 9, draft.milestoneId());
            statement.setString(10, dedupKey);
            statement.setTimestamp(11, Timestamp.from(createdAt));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store notification " + dedupKey, e);
        }
    }

    /** A notification claimed for mailing: what its mail says, and to whom. */
    public record Claimed(long id, Recipient recipient, String subject, String body, String link) {
    }

    /** How often a mail is tried: a send that failed (the SMTP server refused or was away) is tried again later. */
    static final int MAIL_ATTEMPTS = 5;
    private static final String CLAIM = "update luoshi_notification set mail_claimed_by = ?, "
            + "mail_claimed_until = now() + ? * interval '1 millisecond', mail_attempts = mail_attempts + 1 "
            + "where id in (select id from luoshi_notification where mailed_at is null and mail_attempts < " + MAIL_ATTEMPTS
            + " and (mail_claimed_until is null or mail_claimed_until < now()) ";
    private static final String CLAIMED = "returning id, recipient_type, recipient, subject, body, link";

    /**
     * Claims those of the rows (just committed) that nobody mailed nor holds, for {@code claim}: a row another node's
     * sweeper took first is not returned, so the mail goes out once.
     */
    public List<Claimed> claim(Collection<Long> ids, String node, Duration claim) {
        return claim(CLAIM + "and id = any (?) for update skip locked) " + CLAIMED, node, claim,
                (connection, statement) -> statement.setArray(3, connection.createArrayOf("bigint", ids.toArray())));
    }

    /**
     * Claims up to {@code limit} rows that have waited unmailed and unclaimed (or whose claim lapsed) for longer than
     * {@code unmailedAfter}: those whose node died before mailing them, and those whose send failed (tried again once
     * their claim lapsed, {@value #MAIL_ATTEMPTS} times in all). {@code skip locked}: two sweepers never wait
     * for each other, nor take the same row.
     */
    public List<Claimed> claimUnmailed(Duration unmailedAfter, int limit, String node, Duration claim) {
        return claim(CLAIM + "and created_at < now() - ? * interval '1 millisecond' order by id limit ? "
                + "for update skip locked) " + CLAIMED, node, claim, (connection, statement) -> {
                    statement.setLong(3, unmailedAfter.toMillis());
                    statement.setInt(4, limit);
                });
    }

    private interface Binder {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private List<Claimed> claim(String sql, String node, Duration claim, Binder rest) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, node);
            statement.setLong(2, claim.toMillis());
            rest.bind(connection, statement);
            List<Claimed> claimed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new Claimed(rows.getLong("id"), new Recipient(
                            Recipient.Type.valueOf(rows.getString("recipient_type")), rows.getString("recipient")),
                            rows.getString("subject"), rows.getString("body"), rows.getString("link")));
                }
            }
            return claimed;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot claim notifications for mailing", e);
        }
    }

    /** Records the outcome of sending the e-mail (outside any transaction, after the job committed). */
    public void markMailed(long id, String mailedTo, String error) {
        String sql = "update luoshi_notification set mailed_at = ?, mailed_to = ?, mail_error = ? where id = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, error == null ? Timestamp.from(Instant.now()) : null);
            statement.setString(2, mailedTo);
            statement.setString(3, error == null ? null : error.substring(0, Math.min(error.length(), 1000)));
            statement.setLong(4, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark notification " + id + " as mailed", e);
        }
    }

    /**
     * Notifications addressed to the user or to one of the groups, newest first; one per occasion, the user's own row
     * before a group's (a report's decision goes to the person who sent it and to their department: they read it once);
     * each with whether this user has read it.
     */
    public List<Notification> findFor(String username, Collection<String> groups, int offset, int limit) {
        return findFor(username, groups, null, offset, limit);
    }

    /** As {@link #findFor(String, Collection, int, int)}, only those about the milestone when one is given. */
    public List<Notification> findFor(String username, Collection<String> groups, Long milestoneId, int offset, int limit) {
        String sql = "select n.*, r.read_at from (select distinct on (" + OCCASION + ") " + COLUMNS + ", " + OCCASION
                + " as occasion from luoshi_notification where " + WHERE + MILESTONE + " order by " + OCCASION
                + ", recipient_type = 'USER' desc, id) n left join luoshi_notification_read r on r.username = ? "
                + "and r.occasion = n.occasion order by n.created_at desc, n.id desc offset ? limit ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = bindMilestone(statement, bindWhere(connection, statement, 1, username, groups), milestoneId);
            statement.setString(next, username);
            statement.setInt(next + 1, offset);
            statement.setInt(next + 2, limit);
            List<Notification> result = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.add(map(rows));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list notifications", e);
        }
    }

    public long countFor(String username, Collection<String> groups) {
        return countFor(username, groups, null);
    }

    public long countFor(String username, Collection<String> groups, Long milestoneId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select count(distinct " + OCCASION + ") from luoshi_notification where " + WHERE + MILESTONE)) {
            bindMilestone(statement, bindWhere(connection, statement, 1, username, groups), milestoneId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count notifications", e);
        }
    }

    /** How many of the occasions {@link #findFor} lists this user has not read. */
    public long countUnreadFor(String username, Collection<String> groups) {
        return count("select count(distinct " + OCCASION + ") from luoshi_notification where " + WHERE
                + " and not exists (select 1 from luoshi_notification_read r where r.username = ? and r.occasion = "
                + OCCASION + ")", username, groups, true);
    }

    /**
     * Marks the notification with this id read for this user, if it is addressed to them or one of their groups;
     * false when it is not (or does not exist). Marking again changes nothing.
     */
    public boolean markRead(long id, String username, Collection<String> groups, Instant at) {
        String sql = "insert into luoshi_notification_read (username, occasion, read_at) select ?, " + OCCASION
                + ", ?::timestamptz from luoshi_notification where id = ? and " + WHERE + " on conflict do nothing";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, username);
            statement.setTimestamp(2, Timestamp.from(at));
            statement.setLong(3, id);
            bindWhere(connection, statement, 4, username, groups);
            if (statement.executeUpdate() > 0) {
                return true;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark notification " + id + " read", e);
        }
        // nothing inserted: already read, or not this user's
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select 1 from luoshi_notification where id = ? and " + WHERE)) {
            statement.setLong(1, id);
            bindWhere(connection, statement, 2, username, groups);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read notification " + id, e);
        }
    }

    /** Marks every notification of this user read; returns how many occasions were unread. */
    public int markAllRead(String username, Collection<String> groups, Instant at) {
        String sql = "insert into luoshi_notification_read (username, occasion, read_at) select distinct ?, " + OCCASION
                + ", ?::timestamptz from luoshi_notification where " + WHERE + " on conflict do nothing";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, username);
            statement.setTimestamp(2, Timestamp.from(at));
            bindWhere(connection, statement, 3, username, groups);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark the notifications of " + username + " read", e);
        }
    }

    private long count(String sql, String username, Collection<String> groups, boolean readerAfter) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = bindWhere(connection, statement, 1, username, groups);
            if (readerAfter) {
                statement.setString(next, username);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count notifications", e);
        }
    }

    /** 催办 and 督办 one group (a department) received: counts per group, for {@link #escalationsReceived}. */
    public record Escalations(int urgings, int supervisions) {
    }

    /**
     * How many 催办 ({@link NotificationKind#URGING}, by the ladder or by hand) and 督办
     * ({@link NotificationKind#SUPERVISION}) each group was sent in [from, until) about the given tasks. A row is one
     * recipient of one occasion, so counting a group's rows counts its occasions.
     */
    public java.util.Map<String, Escalations> escalationsReceived(Instant from, Instant until, Collection<Long> taskIds) {
        java.util.Map<String, Escalations> result = new java.util.TreeMap<>();
        if (taskIds.isEmpty()) {
            return result;
        }
        String sql = "select recipient, count(*) filter (where kind = 'URGING') as urgings, "
                + "count(*) filter (where kind = 'SUPERVISION') as supervisions from luoshi_notification "
                + "where recipient_type = 'GROUP' and kind in ('URGING', 'SUPERVISION') and created_at >= ? "
                + "and created_at < ? and task_id = any (?) group by recipient";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setTimestamp(1, Timestamp.from(from));
            statement.setTimestamp(2, Timestamp.from(until));
            statement.setArray(3, connection.createArrayOf("bigint", taskIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    result.put(rows.getString("recipient"), new Escalations(rows.getInt("urgings"), rows.getInt("supervisions")));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count escalations", e);
        }
    }

    /** The occasion a row notifies of: its unique key without the recipient the notifier appended (Notifier). */
    private static final String OCCASION = "left(dedup_key, length(dedup_key) - length(':' || recipient_type || ':' || recipient))";
    private static final String WHERE = "((recipient_type = 'USER' and recipient = ?) "
            + "or (recipient_type = 'GROUP' and recipient = any (?)))";

    /** Only the rows about one milestone, or every row when none is given. */
    private static final String MILESTONE = " and (cast(? as bigint) is null or milestone_id = ?)";

    private static int bindMilestone(PreparedStatement statement, int first, Long milestoneId) throws SQLException {
        setLong(statement, first, milestoneId);
        setLong(statement, first + 1, milestoneId);
        return first + 2;
    }

    private static int bindWhere(Connection connection, PreparedStatement statement, int first, String username,
            Collection<String> groups) throws SQLException {
        statement.setString(first, username);
        statement.setArray(first + 1, connection.createArrayOf("varchar", groups.toArray()));
        return first + 2;
    }

    private static Notification map(ResultSet rows) throws SQLException {
        Timestamp mailed = rows.getTimestamp("mailed_at");
        return new Notification(rows.getLong("id"), Recipient.Type.valueOf(rows.getString("recipient_type")),
                rows.getString("recipient"), NotificationKind.valueOf(rows.getString("kind")), rows.getString("subject"),
                rows.getString("body"), rows.getString("link"), rows.getString("process_instance_id"),
                nullableLong(rows, "task_id"), nullableLong(rows, "milestone_id"),
                rows.getTimestamp("created_at").toInstant(), mailed == null ? null : mailed.toInstant(),
                rows.getString("mailed_to"), instant(rows.getTimestamp("read_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Long nullableLong(ResultSet rows, String column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
