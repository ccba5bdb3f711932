package org.luoshi.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.KeycloakTokens;
import org.luoshi.testsupport.PackagedApplication;

/** The packaged workflow-service in its production profile: no demo value to fall back on, no Swagger UI. */
class ProductionConfigurationIT {
    private static final Path MODULE = Path.of("");

    @Test
    void refusesToStartWithoutItsEnvironmentAndNamesEveryMissingVariable() throws Exception {
        try (PackagedApplication app = new PackagedApplication(MODULE)) {
            PackagedApplication.Exit exit = app.runUntilExit(Map.of(), Map.of(), Duration.ofSeconds(60));

            assertEquals(1, exit.code(), exit.output());
            assertTrue(exit.output().contains("workflow-service refuses to start: the prod profile"), exit.output());
            for (String variable : List.of("WORKFLOW_DB_URL", "WORKFLOW_DB_PASSWORD", "KEYCLOAK_URL", "WORKFLOW_CLIENT_SECRET",
                    "TASK_SERVICE_URL", "LUOSHI_WEB_ORIGINS", "WORKFLOW_PUBLIC_URL", "MAIL_FROM", "WORKFLOW_USER_MAILBOX",
                    "WORKFLOW_GROUP_MAILBOX")) {
                assertTrue(exit.output().contains("  " + variable + " "), variable + " not named in:\n" + exit.output());
            }
            assertFalse(exit.output().contains("Listening on"), exit.output());
        }
    }

    @Test
    void startsWithRealValuesAndServesNoSwaggerUi() throws Exception {
        try (PackagedApplication app = new PackagedApplication(MODULE)) {
            app.startAndAwait(Map.of(
                    "WORKFLOW_DB_URL", System.getProperty("%test.quarkus.datasource.jdbc.url",
                            "jdbc:postgresql://localhost:" + System.getProperty("luoshi.test.pg-port", "15433") + "/luoshi_workflow_test"),
                    "WORKFLOW_DB_PASSWORD", "luoshi_workflow_demo", // the test database's role (DEMO ONLY)
                    "KEYCLOAK_URL", System.getProperty("luoshi.test.keycloak-url", "http://localhost:18180"),
                    "WORKFLOW_CLIENT_SECRET", KeycloakTokens.WORKFLOW_SECRET_DEMO_ONLY,
                    "TASK_SERVICE_URL", "http://127.0.0.1:9",
                    "LUOSHI_WEB_ORIGINS", "https://luoshi.example.gov.cn",
                    "WORKFLOW_PUBLIC_URL", "https://luoshi.example.gov.cn/workflow",
                    "MAIL_FROM", "luoshi@example.gov.cn",
                    "WORKFLOW_USER_MAILBOX", "{user}@example.gov.cn",
                    "WORKFLOW_GROUP_MAILBOX", "{group}@example.gov.cn"),
                    // the tests' jobs left in this database are theirs: this engine only starts, it runs none
                    Map.of("luoshi.workflow.job-executor.activate", "false"), "/q/health/ready");

            assertEquals(404, app.get("/q/swagger-ui/"));
            assertEquals(200, app.get("/q/openapi"));
        }
    }
}
