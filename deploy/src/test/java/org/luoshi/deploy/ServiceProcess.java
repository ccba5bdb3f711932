package org.luoshi.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.luoshi.testsupport.KeycloakTokens;

/** One of our services, started from its packaged application as the run command starts it. */
final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * What ./luoshi.sh run gives the services in the demo (DEMO ONLY): their prod profile has no default for these.
     * A test's properties still win over them.
     */
    private static final Map<String, String> DEMO_ENVIRONMENT = Map.of(
            "TASK_DB_PASSWORD", E2eDatabases.TASK_PASSWORD_DEMO_ONLY,
            "WORKFLOW_DB_PASSWORD", E2eDatabases.WORKFLOW_PASSWORD_DEMO_ONLY,
            "WORKFLOW_CLIENT_SECRET", KeycloakTokens.WORKFLOW_SECRET_DEMO_ONLY,
            "LUOSHI_WEB_ORIGINS", "http://localhost:" + LuoshiSystem.WEB_PORT,
            "MAIL_FROM", "luoshi@demo.luoshi.example",
            "WORKFLOW_USER_MAILBOX", "{user}@demo.luoshi.example",
            "WORKFLOW_GROUP_MAILBOX", "{group}@demo.luoshi.example");

    private final String name;
    private final String label;
    private final int port;
    private final String readyPath;
    private final boolean fixedPort;
    private final Map<String, String> properties;
    private Process process;

    /** A service on a free port, ready when its health check says so. */
    ServiceProcess(String name, Map<String, String> properties) {
        this(name, name, properties);
    }

    /** One of several nodes of a service, told apart by its label (its log is deploy/target/e2e-LABEL.log). */
    ServiceProcess(String name, String label, Map<String, String> properties) {
        this(name, label, freePort(), false, "/q/health/ready", properties);
    }

    /**
     * A service on a given port (e.g. the web app, whose origin Keycloak and the services' CORS must know in
     * advance), ready when {@code readyPath} answers 200.
     */
    ServiceProcess(String name, int port, String readyPath, Map<String, String> properties) {
        this(name, name, port, true, readyPath, properties);
    }

    private ServiceProcess(String name, String label, int port, boolean fixedPort, String readyPath,
            Map<String, String> properties) {
        this.name = name;
        this.label = label;
        this.fixedPort = fixedPort;
        this.port = port;
        this.readyPath = readyPath;
        this.properties = properties;
    }

    String url() {
        return "http://localhost:" + port;
    }

    void start() throws IOException, InterruptedException {
        Path repo = Path.of(System.getProperty("luoshi.repo", ".."));
        Path jar = repo.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the build packages it before this test runs");
        }
        // a fixed port may be held by something else (a free one was just free); say so rather than time out
        if (fixedPort && portTaken(port)) {
            throw new IllegalStateException("port " + port + " for " + name + " is taken: stop what listens there (ss -ltnp)");
        }
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx384m", "-Dquarkus.http.port=" + port));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Path log = log();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(DEMO_ENVIRONMENT);
        builder.environment().put("WORKFLOW_PUBLIC_URL", url());
        process = builder.start();
        try {
            Eventually.eventually(label + " to be ready", Duration.ofSeconds(120), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(label + " exited during start-up; see " + log);
                }
                return ready() ? Boolean.TRUE : null;
            });
        } catch (AssertionError timedOut) {
            stop();
            throw new IllegalStateException(label + " not ready in 120 s; see " + log, timedOut);
        }
    }

    Path log() {
        return Path.of(System.getProperty("luoshi.repo", "..")).resolve("deploy/target/e2e-" + label + ".log");
    }

    /** The running process's id (for measurements in /proc). */
    long pid() {
        return process.pid();
    }

    /** Kills the process outright (SIGKILL, as kill -9), as a crash would. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + readyPath))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean portTaken(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
