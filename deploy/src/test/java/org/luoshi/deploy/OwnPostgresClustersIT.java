package org.luoshi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner's PostgreSQL is its own: {@code run} and {@code test} each get a cluster with their own data directory
 * and port, so that stopping one never takes the other's database away (a test run once stopped the PostgreSQL a
 * running demo depended on). Exercised through {@code deploy/bin/postgres.sh}, the script both commands use, on a
 * scratch cache and free ports.
 */
class OwnPostgresClustersIT {
    private static final Path REPO = Path.of(System.getProperty("luoshi.repo", ".."));
    private static Path cache;
    private static int demoPort;
    private static int testPort;

    @BeforeAll
    static void scratchCache() throws IOException {
        cache = Files.createTempDirectory("luoshi-pg-it");
        // the server runs as postgres when the tests run as root: it must be able to reach its data directory
        cache.toFile().setExecutable(true, false);
        cache.toFile().setReadable(true, false);
        demoPort = freePort();
        testPort = freePort();
    }

    @AfterAll
    static void stopBoth() throws Exception {
        script("run", demoPort, "stop");
        script("test", testPort, "stop");
        try (var paths = Files.walk(cache)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void stoppingTheTestClusterLeavesTheDemoClusterServing() throws Exception {
        assertThat(script("run", demoPort, "ensure").exit).isZero();
        assertThat(script("test", testPort, "ensure").exit).isZero();
        assertThat(answers(demoPort)).isTrue();
        assertThat(answers(testPort)).isTrue();

        assertThat(script("test", testPort, "stop").exit).isZero();

        assertThat(answers(testPort)).isFalse();
        assertThat(answers(demoPort)).as("the demo's database survives the test run's stop").isTrue();
        assertThat(cache.resolve("postgres-run")).isDirectory();
        assertThat(cache.resolve("postgres-test")).isDirectory();
    }

    @Test
    void aPortHeldBySomethingElseIsRefusedNotShared() throws Exception {
        try (ServerSocket other = new ServerSocket(0)) {
            Result result = script("stranger", other.getLocalPort(), "ensure");

            assertThat(result.exit).isNotZero();
            assertThat(result.output).contains("port " + other.getLocalPort()).contains("taken");
            assertThat(cache.resolve("postgres-stranger")).doesNotExist();
        }
    }

    private static boolean answers(int port) {
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port + "/luoshi_task", "luoshi_task", E2eDatabases.TASK_PASSWORD_DEMO_ONLY)) {
            return c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result script(String instance, int port, String command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(REPO.resolve("deploy/bin/postgres.sh").toString(), command));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(Map.of("LUOSHI_CACHE", cache.toString(), "POSTGRES_INSTANCE", instance,
                "PGPORT", Integer.toString(port), "TASK_DB_PASSWORD", E2eDatabases.TASK_PASSWORD_DEMO_ONLY,
                "WORKFLOW_DB_PASSWORD", E2eDatabases.WORKFLOW_PASSWORD_DEMO_ONLY));
        Process process = pb.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("postgres.sh " + command + " did not finish: " + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
