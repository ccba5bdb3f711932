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

/** One of our services, started from its packaged application as the run command starts it. */
final class ServiceProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final String readyPath;
    private final boolean fixedPort;
    private final Map<String, String> properties;
    private Process process;

    /** A service on a free port, ready when its health check says so. */
    ServiceProcess(String name, Map<String, String> properties) {
        this(name, freePort(), false, "/q/health/ready", properties);
    }

    /**
     * A service on a given port (e.g. the web app, whose origin Keycloak and the services' CORS must know in
     * advance), ready when {@code readyPath} answers 200.
     */
    ServiceProcess(String name, int port, String readyPath, Map<String, String> properties) {
        this(name, port, true, readyPath, properties);
    }

    private ServiceProcess(String name, int port, boolean fixedPort, String readyPath, Map<String, String> properties) {
        this.name = name;
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
        Path log = repo.resolve("deploy/target/e2e-" + name + ".log");
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            Eventually.eventually(name + " to be ready", Duration.ofSeconds(120), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited during start-up; see " + log);
                }
                return ready() ? Boolean.TRUE : null;
            });
        } catch (AssertionError timedOut) {
            stop();
            throw new IllegalStateException(name + " not ready in 120 s; see " + log, timedOut);
        }
    }

    /** Kills the process outright, as a crash would. */
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
