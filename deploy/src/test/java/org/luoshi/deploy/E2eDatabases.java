package org.luoshi.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The databases the end-to-end tests drop and recreate the schema of: {@code luoshi_task_e2e} and
 * {@code luoshi_workflow_e2e}, unless the system properties {@code luoshi.e2e.task-db} / {@code luoshi.e2e.workflow-db}
 * name others (so that two runs on one machine do not wipe each other's).
 */
final class E2eDatabases {
    /** The test suite's own PostgreSQL cluster ({@code ./luoshi.sh test} passes its port as {@code luoshi.test.pg-port}). */
    private static final String SERVER = "jdbc:postgresql://localhost:" + System.getProperty("luoshi.test.pg-port", "15433") + "/";

    private E2eDatabases() {
    }

    static String task() {
        return named("luoshi.e2e.task-db", "luoshi_task_e2e");
    }

    static String workflow() {
        return named("luoshi.e2e.workflow-db", "luoshi_workflow_e2e");
    }

    private static String named(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException(property + "=" + value + " is not a plain PostgreSQL database name");
        }
        return value;
    }

    /** The JDBC URL of any database on the end-to-end tests' server (e.g. one a test restores into). */
    static String url(String database) {
        return SERVER + database;
    }

    /** The server's port, for command-line tools that must reach the same server. */
    static String port() {
        return SERVER.replaceAll(".*:(\\d+)/$", "$1");
    }

    static String taskUrl() {
        return SERVER + task();
    }

    static String workflowUrl() {
        return SERVER + workflow();
    }

    /** The roles' passwords the demo and the tests run with (./luoshi.sh passes them to deploy/bin/postgres.sh). */
    static final String TASK_PASSWORD_DEMO_ONLY = "luoshi_task_demo";
    static final String WORKFLOW_PASSWORD_DEMO_ONLY = "luoshi_workflow_demo";

    static Connection taskConnection() throws SQLException {
        return DriverManager.getConnection(taskUrl(), "luoshi_task", TASK_PASSWORD_DEMO_ONLY);
    }

    static Connection workflowConnection() throws SQLException {
        return DriverManager.getConnection(workflowUrl(), "luoshi_workflow", WORKFLOW_PASSWORD_DEMO_ONLY);
    }

    /** The first column of the first row of a query, as a number. */
    static long scalar(Connection connection, String sql) {
        try (Statement s = connection.createStatement(); java.sql.ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Both services start on empty schemas (Flyway and Camunda create theirs). */
    static void resetSchemas() throws SQLException {
        reset(taskUrl(), "luoshi_task", TASK_PASSWORD_DEMO_ONLY);
        reset(workflowUrl(), "luoshi_workflow", WORKFLOW_PASSWORD_DEMO_ONLY);
    }

    private static void reset(String url, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        }
    }
}
