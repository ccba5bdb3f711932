package org.luoshi.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A module's packaged application ({@code target/quarkus-app/quarkus-run.jar}) started as production starts it: the
 * default (prod) profile and only the environment given here, none of the test JVM's own variables.
 */
public final class PackagedApplication implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** What a JVM needs from the environment to run at all; nothing of Luoshi's. */
    private static final List<String> INHERITED = List.of("PATH", "HOME", "LANG", "JAVA_HOME", "TMPDIR");

    private final Path jar;
    private final Path log;
    private final int port = freePort();
    private Process process;

    /** {@code moduleDir}: the module whose target/ holds the packaged application (failsafe's working directory). */
    public PackagedApplication(Path moduleDir) {
        this.jar = moduleDir.resolve("target/quarkus-app/quarkus-run.jar");
        this.log = moduleDir.resolve("target/packaged-application-" + port + ".log");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: the build packages it before integration tests run");
        }
    }

    public record Exit(int code, String output) {
    }

    /** Starts it with this environment and system properties and waits until it exits (at most {@code limit}). */
    public Exit runUntilExit(Map<String, String> environment, Map<String, String> systemProperties, Duration limit)
            throws IOException, InterruptedException {
        start(environment, systemProperties);
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError("still running after " + limit + "; its output:\n" + output());
        }
        return new Exit(process.exitValue(), output());
    }

    /** Starts it and waits until {@code readyPath} answers 200 (at most 300 s: a busy 2-core machine took 118 s), failing with its output if it exits. */
    public void startAndAwait(Map<String, String> environment, Map<String, String> systemProperties, String readyPath)
            throws IOException, InterruptedException {
        start(environment, systemProperties);
        Instant deadline = Instant.now().plusSeconds(300);
        while (get(readyPath) != 200) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                close();
                throw new AssertionError("not ready at " + readyPath + "; its output:\n" + output());
            }
            Thread.sleep(250);
        }
    }

    /** Status of a GET on the running application, -1 when nothing answers. */
    public int get(String path) throws InterruptedException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    public String output() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private void start(Map<String, String> environment, Map<String, String> systemProperties) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dquarkus.http.port=" + port));
        systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> !INHERITED.contains(name));
        env.putAll(environment);
        process = builder.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
