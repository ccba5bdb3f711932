package org.luoshi.deploy;

/**
 * The databases the end-to-end tests drop and recreate the schema of: {@code luoshi_task_e2e} and
 * {@code luoshi_workflow_e2e}, unless the system properties {@code luoshi.e2e.task-db} / {@code luoshi.e2e.workflow-db}
 * name others (so that two runs on one machine do not wipe each other's).
 */
final class E2eDatabases {
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
}
