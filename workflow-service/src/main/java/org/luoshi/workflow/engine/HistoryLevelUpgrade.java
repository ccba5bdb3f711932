package org.luoshi.workflow.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.jboss.logging.Logger;

/**
 * Moves a database's recorded history level ({@code ACT_GE_PROPERTY historyLevel}) from a base level to its
 * {@link LeanHistoryLevel}, before the engine is built: the engine refuses to start when the configured level's id
 * differs from the recorded one, and a database created before the lean levels recorded the base's (e.g. audit, 2).
 *
 * <p>It runs under the nodes' start-up lock, before the engine creates or updates its schema. A new database has no
 * {@code ACT_GE_PROPERTY} yet: nothing to move, and the engine records the configured (lean) level as it creates the
 * table. A database that recorded any other level is left as it is, for the engine to refuse.
 */
final class HistoryLevelUpgrade {
    private static final Logger LOG = Logger.getLogger(HistoryLevelUpgrade.class);

    private HistoryLevelUpgrade() {
    }

    /** Returns whether the recorded level was moved from {@code fromId} to {@code toId}. */
    static boolean run(Connection connection, int fromId, int toId) throws SQLException {
        try (Statement statement = connection.createStatement();
                var exists = statement.executeQuery("select to_regclass('act_ge_property') is not null")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return false;
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "update act_ge_property set value_ = ?, rev_ = rev_ + 1 where name_ = 'historyLevel' and value_ = ?")) {
            update.setString(1, Integer.toString(toId));
            update.setString(2, Integer.toString(fromId));
            boolean moved = update.executeUpdate() == 1;
            if (moved) {
                LOG.infof("Recorded history level moved from %d to %d (the lean level of the same base)", fromId, toId);
            }
            return moved;
        }
    }
}
