package org.luoshi.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.scheduler.Scheduled;

/**
 * The sweep of notifications left unmailed is start-up work that can wait: its first run comes after the service is
 * ready, so that a node back from a crash does not mail its backlog while the engine is being built.
 */
class MailSweepScheduleTest {

    @Test
    void theFirstSweepWaitsForTheConfiguredDelayAfterTheStart() throws Exception {
        Scheduled schedule = Notifier.class.getMethod("sweep").getAnnotation(Scheduled.class);

        assertThat(schedule.delayed()).isEqualTo("${luoshi.workflow.notification.sweep-delay}");
        String configured = defaultOf(property("luoshi.workflow.notification.sweep-delay"));
        assertThat(Duration.parse("PT" + configured.toUpperCase())).as("sweep-delay %s", configured)
                .isGreaterThanOrEqualTo(Duration.ofSeconds(10));
    }

    private static String property(String key) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MailSweepScheduleTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        assertThat(properties).containsKey(key);
        return properties.getProperty(key);
    }

    /** {@code ${ENV:30s}} → {@code 30s}. */
    private static String defaultOf(String value) {
        return value.startsWith("${") ? value.substring(value.indexOf(':') + 1, value.length() - 1) : value;
    }
}
