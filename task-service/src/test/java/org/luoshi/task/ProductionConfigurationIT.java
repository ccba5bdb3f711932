package org.luoshi.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.PackagedApplication;

/** The packaged task-service in its production profile: no demo value to fall back on, no Swagger UI. */
class ProductionConfigurationIT {
    private static final Path MODULE = Path.of("");

    @Test
    void refusesToStartWithoutItsEnvironmentAndNamesEveryMissingVariable() throws Exception {
        try (PackagedApplication app = new PackagedApplication(MODULE)) {
            PackagedApplication.Exit exit = app.runUntilExit(Map.of(), Map.of(), Duration.ofSeconds(60));

            assertThat(exit.code()).isEqualTo(1);
            assertThat(exit.output()).contains("task-service refuses to start: the prod profile")
                    .contains("TASK_DB_URL", "TASK_DB_PASSWORD", "KEYCLOAK_URL", "LUOSHI_WEB_ORIGINS")
                    .doesNotContain("Listening on");
        }
    }

    @Test
    void startsWithRealValuesAndServesNoSwaggerUi() throws Exception {
        try (PackagedApplication app = new PackagedApplication(MODULE)) {
            app.startAndAwait(Map.of(
                    "TASK_DB_URL", System.getProperty("%test.quarkus.datasource.jdbc.url",
                            "jdbc:postgresql://localhost:" + System.getProperty("luoshi.test.pg-port", "15433") + "/luoshi_task_test"),
                    "TASK_DB_PASSWORD", "luoshi_task_demo", // the test database's role (DEMO ONLY)
                    "KEYCLOAK_URL", System.getProperty("luoshi.test.keycloak-url", "http://localhost:18180"),
                    "LUOSHI_WEB_ORIGINS", "https://luoshi.example.gov.cn"),
                    Map.of("luoshi.disclosure.cron", "off"), "/q/health/ready");

            assertThat(app.get("/q/swagger-ui/")).isEqualTo(404);
            assertThat(app.get("/q/openapi")).isEqualTo(200);
        }
    }
}
