package org.luoshi.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
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
        assertEquals(SchemaHistory.Decision.VALIDATE_AFTER_READY, SchemaAtStart.decide(flyway.getConfiguration(), dataSource));
    }

    @Test
    void aDatabaseWithAFailedMigrationGoesThroughFlywayBeforeReady() throws SQLException {
        try {
            execute("update flyway_schema_history set success = false where version = '1'");
            assertEquals(SchemaHistory.Decision.MIGRATE_BEFORE_READY,
                    SchemaAtStart.decide(flyway.getConfiguration(), dataSource));
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

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
