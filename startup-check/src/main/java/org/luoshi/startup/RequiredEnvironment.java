package org.luoshi.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a packaged service needs from its environment before it may start: every value of its
 * {@code application.properties}, in the active profile, that refers to an environment variable without a default
 * ({@code ${TASK_DB_PASSWORD}}, never {@code ${TASK_DB_PASSWORD:demo}}). Outside the demo, dev and test profiles
 * there is no fallback for them, so that a demo password can never end up guarding real data.
 *
 * <p>Quarkus alone would also refuse, but it stops at the first missing value and names a property
 * ("Failed to load config value … for: quarkus.oidc.auth-server-url"), not the variable to set. This check runs in
 * each service's main method before Quarkus starts and names every missing variable at once. The properties file
 * stays the single list of what is required: a new {@code ${VAR}} there is checked without touching this class.
 */
public final class RequiredEnvironment {
    /** {@code ${NAME}} with no {@code :default}: a value only the environment can give. */
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");
    private static final String PROFILE_PROPERTY = "quarkus.profile";
    private static final String DEFAULT_PROFILE = "prod";

    /** A variable no source gives, and the property that needs it. */
    public record Missing(String variable, String property) {
    }

    private RequiredEnvironment() {
    }

    /**
     * Exits the JVM with status 1 and a message naming each missing variable, or returns when nothing is missing.
     * Reads the application's {@code application.properties} and, as Quarkus does, {@code config/application.properties}
     * and {@code .env} in the working directory.
     */
    public static void requireOrExit(String application) {
        Properties file = load(RequiredEnvironment.class.getClassLoader().getResourceAsStream("application.properties"));
        Path workingDir = Path.of("").toAbsolutePath();
        file.putAll(loadIfPresent(workingDir.resolve("config/application.properties")));
        Map<String, String> environment = new HashMap<>();
        loadIfPresent(workingDir.resolve(".env")).forEach((k, v) -> environment.put((String) k, (String) v));
        environment.putAll(System.getenv());
        List<String> profiles = activeProfiles(environment, System.getProperties());
        List<Missing> missing = missing(file, profiles, environment, System.getProperties());
        if (!missing.isEmpty()) {
            System.err.println(message(application, profiles, missing));
            System.err.flush();
            System.exit(1);
        }
    }

    /** The active profiles as Quarkus reads them: {@code -Dquarkus.profile}, {@code QUARKUS_PROFILE}, else prod. */
    static List<String> activeProfiles(Map<String, String> environment, Properties systemProperties) {
        String value = systemProperties.getProperty(PROFILE_PROPERTY);
        if (blank(value)) {
            value = environment.get("QUARKUS_PROFILE");
        }
        if (blank(value)) {
            value = DEFAULT_PROFILE;
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }

    /** Every required variable of the active profiles' values that neither the environment nor a system property gives. */
    static List<Missing> missing(Properties file, List<String> profiles, Map<String, String> environment,
            Properties systemProperties) {
        Map<String, Missing> missing = new LinkedHashMap<>();
        effectiveValues(file, profiles).forEach((property, value) -> {
            if (given(property, environment, systemProperties)) {
                return; // the whole property is set elsewhere: its value in the file is never read
            }
            Matcher matcher = REQUIRED_VARIABLE.matcher(value);
            while (matcher.find()) {
                String variable = matcher.group(1);
                boolean otherProperty = file.containsKey(variable) || variable.contains(".");
                if (!otherProperty && !given(variable, environment, systemProperties)) {
                    missing.putIfAbsent(variable, new Missing(variable, property));
                }
            }
        });
        return List.copyOf(missing.values());
    }

    static String message(String application, List<String> profiles, List<Missing> missing) {
        int width = missing.stream().mapToInt(m -> m.variable().length()).max().orElse(0);
        String lines = missing.stream()
                .map(m -> String.format(Locale.ROOT, "  %-" + width + "s  (for %s)", m.variable(), m.property()))
                .collect(Collectors.joining("\n"));
        return application + " refuses to start: the " + String.join(",", profiles) + " profile has no default for "
                + (missing.size() == 1 ? "this environment variable, which is not set" : "these environment variables, which are not set")
                + ":\n" + lines + "\n"
                + "Set " + (missing.size() == 1 ? "it" : "them") + " to this deployment's values. "
                + "Only the demo (./luoshi.sh run) and the tests have values of their own.";
    }

    /** The value of each property in the given profiles: a {@code %profile.} key beats the plain one, the last profile wins. */
    private static Map<String, String> effectiveValues(Properties file, List<String> profiles) {
        Map<String, String> values = new TreeMap<>();
        Map<String, Integer> rank = new HashMap<>();
        for (String key : file.stringPropertyNames()) {
            String name = key;
            int keyRank = 0;
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                if (dot < 0) {
                    continue;
                }
                name = key.substring(dot + 1);
                keyRank = Arrays.stream(key.substring(1, dot).split(","))
                        .mapToInt(p -> profiles.indexOf(p.trim()) + 1).max().orElse(0);
                if (keyRank == 0) {
                    continue; // a profile that is not active
                }
            }
            if (keyRank >= rank.getOrDefault(name, -1)) {
                rank.put(name, keyRank);
                values.put(name, file.getProperty(key));
            }
        }
        return values;
    }

    /** Set, and not blank, as a system property or an environment variable (also in its environment-variable form). */
    private static boolean given(String name, Map<String, String> environment, Properties systemProperties) {
        String environmentName = name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        return !blank(systemProperties.getProperty(name)) || !blank(environment.get(name))
                || !blank(environment.get(environmentName));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Properties load(InputStream in) {
        Properties properties = new Properties();
        if (in == null) {
            return properties;
        }
        try (Reader reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties loadIfPresent(Path path) {
        if (!Files.isRegularFile(path)) {
            return new Properties();
        }
        try {
            return load(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
