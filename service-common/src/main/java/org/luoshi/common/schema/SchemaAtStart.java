package org.luoshi.common.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;

/**
 * The service's schema at start, in place of {@code quarkus.flyway.migrate-at-start} (which the services set to false):
 * Flyway's migrate validated every applied migration's checksum against the build's files before anything else could
 * start (0.3-0.5 s of the main thread at every start, with Flyway's classes and the JIT cold), although nearly every
 * start finds the database exactly at the build's migrations. So one query first compares the history's versions with
 * the build's migration files (SchemaHistory): the same set, all successful, and the full validation runs once the HTTP
 * server listens (Quarkus opens it after the start-up observers, i.e. when the service can answer ready), on a worker
 * thread; on a thread of its own during the start it only competed with the start for the same cores. Anything else (a new or empty database, a database behind the build, ahead
 * of it or with a failed migration) and Flyway migrates or refuses before the service can be ready, as before.
 * A late validation that fails (an applied migration's file changed) turns this readiness check DOWN for good and
 * logs an error: the service never goes on serving on a schema that is not the build's without saying so.
 * Runs first among the start-up observers: the engine's build and the backfills read Flyway's tables.
 */
@Readiness
@ApplicationScoped
public class SchemaAtStart implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(SchemaAtStart.class);

    /** The late validation's state: null while it runs (or was not needed), else its failure. */
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean validated;
    /** The Flyway whose validation waits for the HTTP server, while it waits. */
    private final AtomicReference<Flyway> pending = new AtomicReference<>();

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event, Instance<Flyway> flyways,
            DataSource dataSource) {
        if (!flyways.isResolvable()) {
            validated = true;
            return;
        }
        Flyway flyway = flyways.get();
        SchemaHistory.Decision decision = decide(flyway.getConfiguration(), dataSource);
        if (decision == SchemaHistory.Decision.MIGRATE_BEFORE_READY) {
            flyway.migrate();
            validated = true;
            return;
        }
        pending.set(flyway);
    }

    void afterStart(@ObservesAsync HttpServerStart started) {
        Flyway flyway = pending.getAndSet(null);
        if (flyway != null) {
            validateNow(flyway);
        }
    }

    /** Flyway's full validation: applied migrations' checksums and descriptions against the build's files. */
    void validateNow(Flyway flyway) {
        long started = System.nanoTime();
        try {
            flyway.validate();
            validated = true;
            LOG.debugf("Schema validated after the start in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            failure.set(String.valueOf(e.getMessage()));
            LOG.errorf(e, "The database's schema is NOT the one this build migrates to; the service reports itself not ready");
        }
    }

    static SchemaHistory.Decision decide(Configuration configuration, DataSource dataSource) {
        ResourceProvider resources = configuration.getResourceProvider();
        if (resources == null) {
            return SchemaHistory.Decision.MIGRATE_BEFORE_READY;
        }
        List<String> files = new ArrayList<>();
        for (LoadableResource resource : resources.getResources(configuration.getSqlMigrationPrefix(),
                configuration.getSqlMigrationSuffixes())) {
            files.add(resource.getFilename());
        }
        List<SchemaHistory.Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!historyExists(statement, configuration.getTable())) {
                return SchemaHistory.Decision.MIGRATE_BEFORE_READY;
            }
            try (ResultSet history = statement.executeQuery(
                    "select version, success from \"" + configuration.getTable().replace("\"", "") + "\"")) {
                while (history.next()) {
                    rows.add(new SchemaHistory.Row(history.getString(1), history.getBoolean(2)));
                }
            }
        } catch (SQLException e) {
            LOG.debugf(e, "Schema history not readable; Flyway migrates before ready");
            return SchemaHistory.Decision.MIGRATE_BEFORE_READY;
        }
        return SchemaHistory.decide(rows, files, configuration.getSqlMigrationPrefix(),
                configuration.getSqlMigrationSeparator());
    }

    private static boolean historyExists(Statement statement, String table) throws SQLException {
        try (ResultSet found = statement.executeQuery(
                "select to_regclass('\"" + table.replace("\"", "").replace("'", "") + "\"') is not null")) {
            return found.next() && found.getBoolean(1);
        }
    }

    @Override
    public HealthCheckResponse call() {
        String failed = failure.get();
        if (failed != null) {
            return HealthCheckResponse.named("schema").down().withData("validation", "failed")
                    .withData("error", failed).build();
        }
        return HealthCheckResponse.named("schema").up().withData("validation", validated ? "done" : "running").build();
    }
}
