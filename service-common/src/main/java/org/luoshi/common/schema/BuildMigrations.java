package org.luoshi.common.schema;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.eclipse.microprofile.config.Config;

/**
 * The build's migrations as Flyway would name and find them, without building Flyway: its configuration and plugins
 * (~180 classes, the larger part of Flyway's cost at a start) are only needed when the schema must change, or for the
 * full validation after ready. Read from the service's {@code quarkus.flyway.*} settings (Quarkus' and Flyway's defaults
 * otherwise) and the class path's migration directories.
 *
 * @param files the build's migration file names, or null when a location cannot be listed here (Flyway decides then)
 */
record BuildMigrations(String table, String prefix, String separator, List<String> files) {
    /** Flyway's separator: Quarkus does not expose it, so it is always Flyway's default. */
    static final String SEPARATOR = "__";

    static BuildMigrations of(Config config, ClassLoader loader) {
        String table = config.getOptionalValue("quarkus.flyway.table", String.class).orElse("flyway_schema_history");
        String prefix = config.getOptionalValue("quarkus.flyway.sql-migration-prefix", String.class).orElse("V");
        List<String> locations = config.getOptionalValues("quarkus.flyway.locations", String.class)
                .orElse(List.of("db/migration"));
        return new BuildMigrations(table, prefix, SEPARATOR, list(locations, loader).orElse(null));
    }

    private static Optional<List<String>> list(List<String> locations, ClassLoader loader) {
        List<String> files = new ArrayList<>();
        try {
            for (String location : locations) {
                if (location.contains(":") && !location.startsWith("classpath:")) {
                    return Optional.empty(); // a file system location: Flyway's own scanner reads it
                }
                String path = location.replaceFirst("^classpath:", "").replaceAll("^/+|/+$", "");
                Enumeration<URL> roots = loader.getResources(path);
                while (roots.hasMoreElements()) {
                    if (!addSqlFiles(roots.nextElement(), path, files)) {
                        return Optional.empty();
                    }
                }
            }
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(files);
    }

    /** The .sql files directly in one location's directory (Flyway also reads subdirectories: then it decides). */
    private static boolean addSqlFiles(URL root, String path, List<String> files) throws IOException, URISyntaxException {
        if ("file".equals(root.getProtocol())) {
            File[] entries = new File(root.toURI()).listFiles();
            if (entries == null) {
                return false;
            }
            for (File entry : entries) {
                if (entry.isDirectory()) {
                    return false;
                }
                if (entry.getName().endsWith(".sql")) {
                    files.add(entry.getName());
                }
            }
            return true;
        }
        URLConnection connection = root.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return false;
        }
        connection.setUseCaches(false);
        String directory = path + "/";
        try (JarFile file = jar.getJarFile()) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName();
                if (name.startsWith(directory) && name.length() > directory.length()) {
                    String rest = name.substring(directory.length());
                    if (rest.contains("/")) {
                        return false;
                    }
                    if (rest.endsWith(".sql")) {
                        files.add(rest);
                    }
                }
            }
        }
        return true;
    }
}
