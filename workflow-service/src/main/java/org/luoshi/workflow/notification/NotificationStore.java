package org.luoshi.workflow.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/**
 * The {@code luoshi_notification} table, by plain JDBC on the Agroal datasource (the workflow database's schema is
 * otherwise Camunda's, which the engine creates itself; one table does not justify Hibernate ORM or Flyway with a
 * baseline next to Camunda's tables). The table is created at start-up if missing. Inserts made inside a JTA
 * transaction (an engine job) commit or roll back with it.
 */
@ApplicationScoped
public class NotificationStore {
    static final String DDL = """
            create table if not exists luoshi_notification (
                id bigserial primary key,
                recipient_type varchar(10) not null,
                recipient varchar(100) not null,
                kind varchar(30) not null,
                subject varchar(500) not null,
                body text not null,
                link varchar(1000),
                process_instance_id varchar(64),
                task_id bigint,
                milestone_id bigint,
                dedup_key varchar(400) not null unique,
                created_at timestamp with time zone not null,
                mailed_at timestamp with time zone,
                mailed_to varchar(320),
                mail_error varchar(1000)
            )""";
    static final String INDEX = "create index if not exists luoshi_notification_recipient_idx "
            + "on luoshi_notification (recipient, recipient_type, created_at desc)";
    private static final String COLUMNS = "id, recipient_type, recipient, kind, subject, body, link, process_instance_id, "
            + "task_id, milestone_id, created_at, mailed_at, mailed_to";

    @Inject
    DataSource dataSource;

    /**
     * "create … if not exists" is not safe against a second node running it at the same moment (both may pass the
     * check), so the nodes take turns under a transaction-level advisory lock.
     */
    void createTable(@Observes StartupEvent event) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + SCHEMA_LOCK + ")");
                statement.execute(DDL);
                statement.execute(INDEX);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static final long SCHEMA_LOCK = 7410223L;

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
