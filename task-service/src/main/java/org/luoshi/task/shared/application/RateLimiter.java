package org.luoshi.task.shared.application;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.TooManyRequestsException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Counts each user's calls of an operation in fixed windows, in the database, so that every node of the service counts
 * the same calls (table rate_limit_window). A call beyond the limit is refused with the seconds until the window
 * ends. The count is committed on its own, before the operation runs: a refused or failed call still counts.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final RateLimits.Limit DEFAULT = new RateLimits.Limit() {
        @Override
        public int requests() {
            return 30;
        }

        @Override
        public Duration per() {
            return Duration.ofHours(1);
        }
    };

    @Inject
    RateLimits limits;

    @Inject
    DataSource dataSource;

    public void acquire(String username, String operation) {
        RateLimits.Limit limit = limits.operations().getOrDefault(operation, DEFAULT);
        long windowMillis = limit.per().toMillis();
        Instant now = Instant.now();
        Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), windowMillis));
        int hits = QuarkusTransaction.requiringNew().call(() -> count(username, operation, windowStart, windowMillis));
        if (hits > limit.requests()) {
            long retryAfter = Duration.between(now, windowStart.plusMillis(windowMillis)).toSeconds() + 1;
            LOG.infof("%s called %s %d times in the current window (limit %d per %s): refused for %d s", username,
                    operation, hits, limit.requests(), limit.per(), retryAfter);
            throw new TooManyRequestsException(retryAfter, operation + " may be called " + limit.requests() + " times per "
                    + limit.per().toMinutes() + " minutes; try again in " + retryAfter + " seconds");
        }
    }

    private int count(String username, String operation, Instant windowStart, long windowMillis) throws SQLException {
        String upsert = """
                insert into rate_limit_window (username, operation, window_start, hits) values (?, ?, ?, 1)
                on conflict (username, operation, window_start) do update set hits = rate_limit_window.hits + 1
                returning hits""";
        try (Connection c = dataSource.getConnection(); PreparedStatement count = c.prepareStatement(upsert)) {
            count.setString(1, username);
            count.setString(2, operation);
            count.setTimestamp(3, Timestamp.from(windowStart));
            int hits;
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                hits = rs.getInt(1);
            }
            if (hits == 1) {
                // a new window: the user's windows of this operation that ended are no longer needed
                try (PreparedStatement old = c.prepareStatement(
                        "delete from rate_limit_window where username = ? and operation = ? and window_start < ?")) {
                    old.setString(1, username);
                    old.setString(2, operation);
                    old.setTimestamp(3, Timestamp.from(windowStart));
                    old.executeUpdate();
                }
            }
            return hits;
        }
    }
}
