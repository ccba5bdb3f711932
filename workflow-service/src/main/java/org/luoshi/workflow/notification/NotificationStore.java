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
     * before a group's (a report's decision goes to the person who sent it and to their department: they read it once).
     */
    public List<Notification> findFor(String username, Collection<String> groups, int offset, int limit) {
        String sql = "select " + COLUMNS + " from (select distinct on (" + OCCASION + ") " + COLUMNS
                + " from luoshi_notification where " + WHERE + " order by " + OCCASION
                + ", recipient_type = 'USER' desc, id) n order by created_at desc, id desc offset ? limit ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int next = bindWhere(connection, statement, username, groups);
            statement.setInt(next, offset);
            statement.setInt(next + 1, limit);
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
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("select count(distinct " + OCCASION + ") from luoshi_notification where " + WHERE)) {
            bindWhere(connection, statement, username, groups);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count notifications", e);
        }
    }

    /** The occasion a row notifies of: its unique key without the recipient the notifier appended (Notifier). */
    private static final String OCCASION = "left(dedup_key, length(dedup_key) - length(':' || recipient_type || ':' || recipient))";
    private static final String WHERE = "((recipient_type = 'USER' and recipient = ?) "
            + "or (recipient_type = 'GROUP' and recipient = any (?)))";

    private static int bindWhere(Connection connection, PreparedStatement statement, String username,
            Collection<String> groups) throws SQLException {
        statement.setString(1, username);
        statement.setArray(2, connection.createArrayOf("varchar", groups.toArray()));
        return 3;
    }

    private static Notification map(ResultSet rows) throws SQLException {
        Timestamp mailed = rows.getTimestamp("mailed_at");
        return new Notification(rows.getLong("id"), Recipient.Type.valueOf(rows.getString("recipient_type")),
                rows.getString("recipient"), NotificationKind.valueOf(rows.getString("kind")), rows.getString("subject"),
                rows.getString("body"), rows.getString("link"), rows.getString("process_instance_id"),
                nullableLong(rows, "task_id"), nullableLong(rows, "milestone_id"),
                rows.getTimestamp("created_at").toInstant(), mailed == null ? null : mailed.toInstant(),
                rows.getString("mailed_to"));
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
