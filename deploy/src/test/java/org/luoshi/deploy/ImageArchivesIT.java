package org.luoshi.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The container images the build writes (profile "images": target/&lt;module&gt;-image.tar, see the root pom.xml) opened
 * as a registry would: the archive's index (OCI layout) or manifest (docker-archive) → the image manifest → its
 * config and layers. Checks what Kubernetes relies on: a non-root user, the application's launcher (quarkus-run.jar),
 * the exposed port, and that the application, its libraries and a Java runtime are inside.
 */
class ImageArchivesIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Each archive is a few hundred MB: its layers are listed once. */
    static final Map<Path, Set<String>> FILES = new HashMap<>();

    @ParameterizedTest
    @CsvSource({"task-service, 8081", "workflow-service, 8082", "web, 8080"})
    void theImageRunsTheApplicationAsANonRootUserOnItsPort(String module, int port) throws IOException {
        Image image = Image.open(archive(module));
        JsonNode config = image.config().path("config");

        String user = config.path("User").asText();
        assertThat(user).as("user").isNotBlank().doesNotStartWith("0").doesNotStartWith("root");
        assertThat(user.split(":")[0]).as("numeric uid, so that runAsNonRoot can verify it").matches("[1-9][0-9]*");

        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(a -> entrypoint.add(a.asText()));
        assertThat(entrypoint).as("entrypoint").startsWith("java").endsWith("-jar", "/deployments/quarkus-run.jar");
        assertThat(entrypoint).anySatisfy(a -> assertThat(a).startsWith("-XX:MaxRAMPercentage="));
        assertThat(entrypoint).as("the measured flags of deploy/bin/jvm-opts.sh").contains("-XX:+UseSerialGC",
                "-XX:MaxMetaspaceSize=192m", "-XX:MetaspaceSize=128m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k",
                "-XX:TieredStopAtLevel=1");

        Set<String> ports = new TreeSet<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        assertThat(ports).containsExactly(port + "/tcp");
        assertThat(image.config().path("os").asText()).isEqualTo("linux");
        List<String> env = new ArrayList<>();
        config.path("Env").forEach(e -> env.add(e.asText()));
        assertThat(env).as("listens on every interface, not only the container's loopback").contains("LUOSHI_HTTP_HOST=0.0.0.0");
    }

    @ParameterizedTest
    @CsvSource({"task-service", "workflow-service", "web"})
    void theApplicationItsLibrariesAndAJavaRuntimeAreInsideTheLayers(String module) throws IOException {
        Image image = Image.open(archive(module));
        Set<String> files = image.files();

        assertThat(files).as("the launcher").contains("deployments/quarkus-run.jar");
        assertThat(files).as("its libraries").anyMatch(f -> f.startsWith("deployments/lib/main/") && f.endsWith(".jar"));
        assertThat(files).as("the application").anyMatch(f -> f.startsWith("deployments/app/") && f.endsWith(".jar"));
        assertThat(files).as("Quarkus' generated classes").anyMatch(f -> f.startsWith("deployments/quarkus/"));
        assertThat(files).as("a Java runtime").anyMatch(f -> f.matches("usr/lib/jvm/[^/]+/bin/java"));
        // Jib's own copy of the classes and dependencies is filtered out: the image holds the application once
        assertThat(files).as("Jib's default layers").noneMatch(f -> f.startsWith("app/"));
        assertThat(image.layerCount()).as("base, libraries, application").isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest
    @CsvSource({"task-service"})
    void taskServicesImageHasTheFontsOfTheAssessmentReports(String module) throws IOException {
        // ReportFonts' defaults: TrueType outlines that PDFBox can subset
        assertThat(Image.open(archive(module)).files()).contains("usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf",
                "usr/share/fonts/truetype/wqy/wqy-zenhei.ttc");
    }

    static Path archive(String module) {
        Path repo = Path.of(System.getProperty("luoshi.repo", "..")).toAbsolutePath().normalize();
        Path tar = repo.resolve(module).resolve("target").resolve(module + "-image.tar");
        assertThat(tar).as(tar + ": build the images first (./mvnw verify -Dimages, as ./luoshi.sh test does)").isRegularFile();
        return tar;
    }

    /** An image archive: its small JSON entries read at once, its layers streamed when their files are listed. */
    record Image(Path archive, JsonNode manifest, JsonNode config, List<String> layerPaths) {

        static Image open(Path archive) throws IOException {
            Map<String, byte[]> small = new HashMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                    if (e.isFile() && e.getSize() < 1 << 20) {
                        small.put(normalise(e.getName()), tar.readAllBytes());
                    }
                }
            }
            JsonNode manifest;
            String configPath;
            List<String> layers = new ArrayList<>();
            if (small.containsKey("index.json")) { // OCI image layout
                JsonNode index = JSON.readTree(small.get("index.json"));
                manifest = JSON.readTree(required(small, blob(index.path("manifests").get(0).path("digest").asText())));
                configPath = blob(manifest.path("config").path("digest").asText());
                manifest.path("layers").forEach(l -> layers.add(blob(l.path("digest").asText())));
            } else { // docker-archive
                manifest = JSON.readTree(required(small, "manifest.json")).get(0);
                configPath = manifest.path("Config").asText();
                manifest.path("Layers").forEach(l -> layers.add(normalise(l.asText())));
            }
            return new Image(archive, manifest, JSON.readTree(required(small, configPath)), layers);
        }

        int layerCount() {
            return layerPaths.size();
        }

        /** Every path in every layer, without a leading "./" or "/". */
        Set<String> files() throws IOException {
            Set<String> known = FILES.get(archive);
            if (known != null) {
                return known;
            }
            Set<String> files = new TreeSet<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null;) {
                    if (layerPaths.contains(normalise(e.getName()))) {
                        listLayer(tar, files);
                    }
                }
            }
            FILES.put(archive, files);
            return files;
        }

        private static void listLayer(InputStream layer, Set<String> files) throws IOException {
            BufferedInputStream in = new BufferedInputStream(nonClosing(layer));
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            try (TarArchiveInputStream inner = new TarArchiveInputStream(gzip ? new GZIPInputStream(in, 1 << 16) : in)) {
                for (TarArchiveEntry e; (e = inner.getNextEntry()) != null;) {
                    files.add(normalise(e.getName()));
                }
            }
        }

        private static InputStream nonClosing(InputStream in) {
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() {
                    // the outer archive goes on after this layer
                }
            };
        }

        private static String blob(String digest) {
            return "blobs/" + digest.replace(':', '/');
        }

        private static byte[] required(Map<String, byte[]> entries, String name) {
            byte[] bytes = entries.get(name);
            assertThat(bytes).as("entry " + name + " of the archive").isNotNull();
            return bytes;
        }

        private static String normalise(String name) {
            String n = name.startsWith("./") ? name.substring(2) : name;
            n = n.startsWith("/") ? n.substring(1) : n;
            return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
        }
    }
}
