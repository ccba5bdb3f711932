package org.luoshi.common.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.luoshi.common.schema.SchemaHistory.Decision;
import org.luoshi.common.schema.SchemaHistory.Row;

class SchemaHistoryTest {
    private static final List<String> BUILD = List.of("V1__plans.sql", "V2__departments.sql", "V10__access_rules.sql");

    private static Decision decide(List<Row> applied) {
        return SchemaHistory.decide(applied, BUILD, "V", "__");
    }

    @Test
    void aDatabaseAtExactlyTheBuildsMigrationsIsValidatedAfterReady() {
        assertEquals(Decision.VALIDATE_AFTER_READY, decide(List.of(row("1"), row("2"), row("10"))));
    }

    @Test
    void aBaselinedDatabaseAtTheBuildsVersionsIsValidatedAfterReady() {
        // workflow-service's history starts with a BASELINE row at 1 where the tables predate Flyway
        assertEquals(Decision.VALIDATE_AFTER_READY, decide(List.of(row("1.0"), row("2"), row("10"))));
    }

    @Test
    void aDatabaseBehindTheBuildMigratesBeforeReady() {
        assertEquals(Decision.MIGRATE_BEFORE_READY, decide(List.of(row("1"), row("2"))));
    }

    @Test
    void aDatabaseAheadOfTheBuildGoesThroughFlywayBeforeReady() {
        assertEquals(Decision.MIGRATE_BEFORE_READY, decide(List.of(row("1"), row("2"), row("10"), row("11"))));
    }

    @Test
    void aDatabaseMissingAMigrationInTheMiddleMigratesBeforeReady() {
        assertEquals(Decision.MIGRATE_BEFORE_READY, decide(List.of(row("1"), row("10"))));
    }

    @Test
    void aFailedMigrationInTheHistoryGoesThroughFlywayBeforeReady() {
        assertEquals(Decision.MIGRATE_BEFORE_READY,
                decide(List.of(row("1"), row("2"), row("10"), new Row("10", false))));
    }

    @Test
    void anEmptyDatabaseMigratesBeforeReady() {
        assertEquals(Decision.MIGRATE_BEFORE_READY, decide(List.of()));
    }

    @Test
    void aRepeatableMigrationLeavesTheDecisionToFlyway() {
        assertEquals(Decision.MIGRATE_BEFORE_READY, SchemaHistory.decide(List.of(row("1"), new Row(null, true)),
                List.of("V1__plans.sql", "R__views.sql"), "V", "__"));
    }

    private static Row row(String version) {
        return new Row(version, true);
    }
}
