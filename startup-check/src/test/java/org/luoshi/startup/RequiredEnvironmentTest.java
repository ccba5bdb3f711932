package org.luoshi.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RequiredEnvironmentTest {
    private static final String FILE = """
            quarkus.datasource.password=${TASK_DB_PASSWORD}
            quarkus.oidc.auth-server-url=${KEYCLOAK_URL}/realms/luoshi
            quarkus.oidc-client.auth-server-url=${quarkus.oidc.auth-server-url}
            quarkus.http.host=${LUOSHI_HTTP_HOST:127.0.0.1}
            luoshi.today=${luoshi.test.today:2024-06-30}
            %dev,test.quarkus.datasource.password=luoshi_task_demo
            %test.quarkus.oidc.auth-server-url=http://localhost:18180/realms/luoshi
            %prod.luoshi.mail.from=${MAIL_FROM}
            """;

    @Test
    void prodProfileNamesEveryVariableWithoutDefault() throws IOException {
        List<RequiredEnvironment.Missing> missing = RequiredEnvironment.missing(file(), List.of("prod"), Map.of(), new Properties());

        assertThat(missing).containsExactlyInAnyOrder(
                new RequiredEnvironment.Missing("TASK_DB_PASSWORD", "quarkus.datasource.password"),
                new RequiredEnvironment.Missing("KEYCLOAK_URL", "quarkus.oidc.auth-server-url"),
                new RequiredEnvironment.Missing("MAIL_FROM", "luoshi.mail.from"));
    }

    @Test
    void aProfileWithItsOwnValuesNeedsNothing() throws IOException {
        assertThat(RequiredEnvironment.missing(file(), List.of("test"), Map.of(), new Properties())).isEmpty();
    }

    @Test
    void aProfileOverridingOnlySomeValuesStillNeedsTheOthers() throws IOException {
        assertThat(RequiredEnvironment.missing(file(), List.of("dev"), Map.of(), new Properties()))
                .extracting(RequiredEnvironment.Missing::variable).containsExactly("KEYCLOAK_URL");
    }

    @Test
    void environmentVariablesAndSystemPropertiesSatisfyThem() throws IOException {
        Properties system = new Properties();
        system.setProperty("quarkus.oidc.auth-server-url", "https://sso.example.gov/realms/luoshi");

        assertThat(RequiredEnvironment.missing(file(), List.of("prod"),
                Map.of("TASK_DB_PASSWORD", "s3cret", "MAIL_FROM", "luoshi@example.gov"), system)).isEmpty();
        assertThat(RequiredEnvironment.missing(file(), List.of("prod"),
                Map.of("TASK_DB_PASSWORD", "s3cret", "KEYCLOAK_URL", "https://sso", "LUOSHI_MAIL_FROM", "x@y"),
                new Properties())).isEmpty();
    }

    @Test
    void aBlankVariableIsMissing() throws IOException {
        assertThat(RequiredEnvironment.missing(file(), List.of("prod"),
                Map.of("TASK_DB_PASSWORD", " ", "KEYCLOAK_URL", "https://sso", "MAIL_FROM", "x@y"), new Properties()))
                .extracting(RequiredEnvironment.Missing::variable).containsExactly("TASK_DB_PASSWORD");
    }

    @Test
    void profilesComeFromTheSystemPropertyThenTheEnvironmentThenProd() {
        Properties system = new Properties();
        assertThat(RequiredEnvironment.activeProfiles(Map.of(), system)).containsExactly("prod");
        assertThat(RequiredEnvironment.activeProfiles(Map.of("QUARKUS_PROFILE", "demo,prod"), system))
                .containsExactly("demo", "prod");
        system.setProperty("quarkus.profile", "dev");
        assertThat(RequiredEnvironment.activeProfiles(Map.of("QUARKUS_PROFILE", "prod"), system)).containsExactly("dev");
    }

    @Test
    void theMessageNamesTheApplicationAndEachVariableWithItsProperty() {
        String message = RequiredEnvironment.message("task-service", List.of("prod"), List.of(
                new RequiredEnvironment.Missing("TASK_DB_PASSWORD", "quarkus.datasource.password"),
                new RequiredEnvironment.Missing("KEYCLOAK_URL", "quarkus.oidc.auth-server-url")));

        assertThat(message).startsWith("task-service refuses to start: the prod profile")
                .contains("  TASK_DB_PASSWORD  (for quarkus.datasource.password)")
                .contains("  KEYCLOAK_URL      (for quarkus.oidc.auth-server-url)");
    }

    private static Properties file() throws IOException {
        Properties properties = new Properties();
        properties.load(new StringReader(FILE));
        return properties;
    }
}
