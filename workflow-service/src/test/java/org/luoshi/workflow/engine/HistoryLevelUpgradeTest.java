package org.luoshi.workflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.HistoryLevelSetupCommand;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;
import org.luoshi.workflow.stub.TaskServiceStubResource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The engine records its history level in the database and refuses to start on one that recorded another: a database
 * created at {@code audit} (before the lean level) is moved to {@code audit-lean} as a node starts; a new one gets it
 * from the engine as it creates its tables.
 */
@QuarkusTest
@WithTestResource(TaskServiceStubResource.class)
class HistoryLevelUpgradeTest {
    private static final int AUDIT = HistoryLevel.HISTORY_LEVEL_AUDIT.getId();

    @Inject
    ProcessEngine engine;

    @Inject
    DataSource dataSource;

    @Test
    void theEngineRunsAtTheLeanVariantOfTheConfiguredLevel() throws SQLException {
        HistoryLevel level = configuration().getHistoryLevel();

        assertThat(level.getName()).isEqualTo("audit-lean");
        assertThat(level.getId()).isEqualTo(12);
        assertThat(recordedLevel()).isEqualTo("12");
    }

    @Test
    void aDatabaseCreatedAtTheAuditLevelIsMovedToTheLeanLevelWhichTheEngineThenAccepts() throws SQLException {
        int lean = configuration().getHistoryLevel().getId();
        try (Connection connection = dataSource.getConnection()) {
            record(connection, AUDIT);
            assertThatThrownBy(this::checkLevelAsTheEngineDoesAtItsStart).isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("historyLevel mismatch");

            assertThat(HistoryLevelUpgrade.run(connection, AUDIT, lean)).isTrue();

            checkLevelAsTheEngineDoesAtItsStart();
            assertThat(recordedLevel()).isEqualTo(Integer.toString(lean));
            assertThat(HistoryLevelUpgrade.run(connection, AUDIT, lean)).as("once moved, nothing to move").isFalse();
        } finally {
            try (Connection connection = dataSource.getConnection()) {
                record(connection, lean);
            }
        }
    }

    @Test
    void aDatabaseThatRecordedAnotherLevelIsLeftForTheEngineToRefuse() throws SQLException {
        int lean = configuration().getHistoryLevel().getId();
        int full = HistoryLevel.HISTORY_LEVEL_FULL.getId();
        try (Connection connection = dataSource.getConnection()) {
            record(connection, full);
            assertThat(HistoryLevelUpgrade.run(connection, AUDIT, lean)).isFalse();
            assertThat(recordedLevel()).isEqualTo(Integer.toString(full));
        } finally {
            try (Connection connection = dataSource.getConnection()) {
                record(connection, lean);
            }
        }
    }

    @Test
    void aNewDatabaseHasNothingToMoveBeforeTheEngineCreatesItsTables() throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("create schema history_level_fresh");
            try {
                statement.execute("set search_path to history_level_fresh");
                assertThat(HistoryLevelUpgrade.run(connection, AUDIT, AUDIT + 10)).isFalse();
                try (var tables = statement.executeQuery(
                        "select count(*) from pg_tables where schemaname = 'history_level_fresh'")) {
                    tables.next();
                    assertThat(tables.getInt(1)).as("creates nothing: the engine creates its tables after it").isZero();
                }
            } finally {
                statement.execute("reset search_path");
                statement.execute("drop schema history_level_fresh cascade");
            }
        }
    }

    private ProcessEngineConfigurationImpl configuration() {
        return ((ProcessEngineImpl) engine).getProcessEngineConfiguration();
    }

    /** The check the engine makes as it is built (HistoryLevelSetupCommand): recorded level against configured. */
    private void checkLevelAsTheEngineDoesAtItsStart() {
        configuration().getCommandExecutorTxRequired().execute(new HistoryLevelSetupCommand());
    }

    private static void record(Connection connection, int level) throws SQLException {
        try (var update = connection.prepareStatement("update act_ge_property set value_ = ? where name_ = 'historyLevel'")) {
            update.setString(1, Integer.toString(level));
            update.executeUpdate();
        }
    }

    private String recordedLevel() throws SQLException {
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("select value_ from act_ge_property where name_ = 'historyLevel'")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
