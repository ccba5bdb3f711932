package org.luoshi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luoshi.testsupport.PackagedApplication;

/** The packaged web app in its production profile tells browsers no demo address. */
class ProductionConfigurationIT {
    @Test
    void refusesToStartWithoutTheAddressesItTellsBrowsers() throws Exception {
        try (PackagedApplication app = new PackagedApplication(Path.of(""))) {
            PackagedApplication.Exit exit = app.runUntilExit(Map.of("TASK_SERVICE_URL", "https://luoshi.example.gov.cn/task"),
                    Map.of(), Duration.ofSeconds(60));

            assertThat(exit.code()).isEqualTo(1);
            assertThat(exit.output()).contains("web refuses to start: the prod profile")
                    .contains("KEYCLOAK_URL", "WORKFLOW_SERVICE_URL").doesNotContain("TASK_SERVICE_URL");
        }
    }
}
