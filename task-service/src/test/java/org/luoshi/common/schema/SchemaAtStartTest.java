package org.luoshi.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** SchemaAtStart on task-service's real test database (migrated at the test's start). */
@QuarkusTest
class SchemaAtStartTest {
    @Inject
    Flyway flyway;

    @Inject
    DataSource dataSource;

    @Test
    void aDatabaseAtTheBuildsMigrationsIsValidatedAfterReady() {
        assertEquals(SchemaHistory.Decision.VALIDATE_AFTER_READY, SchemaAtStart.decide(build(), dataSource));
    }

    @Test
    void aDatabaseWithAFailedMigrationGoesThroughFlywayBeforeReady() throws SQLException {
        try {
            execute("update flyway_schema_history set success = false where version = '1'");
            assertEquals(SchemaHistory.Decision.MIGRATE_BEFORE_READY,
                    SchemaAtStart.decide(build(), dataSource));
        } finally {
            execute("update flyway_schema_history set success = true where version = '1'");
        }
    }

    @Test
    void aChangedMigrationFoundAfterTheStartTurnsTheServiceNotReady() throws SQLException {
        SchemaAtStart schema = new SchemaAtStart();
        try {
            execute("update flyway_schema_history set checksum = checksum + 1 where version = '1'");
            schema.validateNow(flyway);
        } finally {
            execute("update flyway_schema_history set checksum = checksum - 1 where version = '1'");
        }
        assertEquals(HealthCheckResponse.Status.DOWN, schema.call().getStatus());
    }

    @Test
    void aSchemaThatValidatesAfterTheStartStaysReady() {
        SchemaAtStart schema = new SchemaAtStart();
        schema.validateNow(flyway);
        assertEquals(HealthCheckResponse.Status.UP, schema.call().getStatus());
    }

    @Test
    void theBuildsMigrationsAreListedWithoutFlywayAsFlywayFindsThem() {
        List<String> flywayFiles = new ArrayList<>();
        for (MigrationInfo migration : flyway.info().all()) {
            flywayFiles.add(migration.getScript().substring(migration.getScript().lastIndexOf('/') + 1));
        }
        assertEquals(new TreeSet<>(flywayFiles), new TreeSet<>(build().files()));
    }

    @Test
    void aStartOnADatabaseAtTheBuildsMigrationsBuildsNoFlywayBeforeReady() {
        AtomicInteger built = new AtomicInteger();
        SchemaAtStart schema = new SchemaAtStart();
        schema.start(() -> {
            built.incrementAndGet();
            return flyway;
        }, build(), dataSource);
        assertEquals(0, built.get());
        schema.afterStart(null);
        assertEquals(1, built.get());
        assertEquals("done", schema.call().getData().orElseThrow().get("validation"));
    }

    @Test
    void aStartOnADatabaseWithAFailedMigrationHasFlywayMigrateBeforeReady() throws SQLException {
        try {
            execute("update flyway_schema_history set success = false where version = '1'");
            IllegalStateException asked = assertThrows(IllegalStateException.class,
                    () -> new SchemaAtStart().start(() -> {
                        throw new IllegalStateException("Flyway asked for"); // not migrating this test's database
                    }, build(), dataSource));
            assertEquals("Flyway asked for", asked.getMessage());
        } finally {
            execute("update flyway_schema_history set success = true where version = '1'");
        }
    }

    private static BuildMigrations build() {
        return BuildMigrations.of(ConfigProvider.getConfig(), Thread.currentThread().getContextClassLoader());
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
