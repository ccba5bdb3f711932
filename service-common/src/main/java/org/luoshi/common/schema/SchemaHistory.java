package org.luoshi.common.schema;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.flywaydb.core.api.MigrationVersion;

/**
 * What the database's Flyway history says against the migrations this build carries, from one query and the file
 * names alone: whether a start may leave Flyway's full validation (checksums of every applied migration) until after
 * it is ready.
 */
public final class SchemaHistory {

    /** What a start does with the schema. */
    public enum Decision {
        /** The history holds exactly the build's migrations, all successful: validate after ready. */
        VALIDATE_AFTER_READY,
        /** Anything else (no history, a migration missing or unknown, one that failed): Flyway migrates now. */
        MIGRATE_BEFORE_READY
    }

    /** One row of the history table: its version (null for repeatable migrations) and whether it succeeded. */
    public record Row(String version, boolean success) {
    }

    private SchemaHistory() {
    }

    /**
     * @param applied the history's rows
     * @param buildFiles the build's migration file names (e.g. {@code V12__audit_chain_head.sql})
     * @param prefix Flyway's versioned prefix ({@code V}), {@code separator} its separator ({@code __})
     */
    public static Decision decide(List<Row> applied, Collection<String> buildFiles, String prefix, String separator) {
        Set<MigrationVersion> built = new TreeSet<>();
        for (String file : buildFiles) {
            int end = file.indexOf(separator);
            if (!file.startsWith(prefix) || end <= prefix.length()) {
                return Decision.MIGRATE_BEFORE_READY; // a repeatable or otherwise named migration: Flyway decides
            }
            built.add(MigrationVersion.fromVersion(file.substring(prefix.length(), end)));
        }
        Set<MigrationVersion> recorded = new TreeSet<>();
        for (Row row : applied) {
            if (!row.success() || row.version() == null) {
                return Decision.MIGRATE_BEFORE_READY;
            }
            recorded.add(MigrationVersion.fromVersion(row.version()));
        }
        return !built.isEmpty() && built.equals(recorded) ? Decision.VALIDATE_AFTER_READY : Decision.MIGRATE_BEFORE_READY;
    }
}
