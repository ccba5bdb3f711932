package org.luoshi.deploy.k8s;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Renders a kustomization with {@code kubectl kustomize} (offline) and parses every resource into its typed model:
 * fabric8's Kubernetes model for the built-in kinds, {@link OperatorResources} for the operators'. Strict: fabric8's
 * models keep unknown fields in "additional properties" instead of failing, so every parsed object graph is walked
 * and any such field fails the parse; the operator models fail on unknown fields by themselves.
 */
final class Manifests {

    /** A rendered resource: its apiVersion/kind, name, the YAML as parsed, and the typed model. */
    record Resource(String apiVersion, String kind, String name, JsonNode raw, Object typed) {
        <T> T as(Class<T> type) {
            return type.cast(typed);
        }
    }

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("postgresql.cnpg.io/v1/Cluster", OperatorResources.Cluster.class),
            Map.entry("postgresql.cnpg.io/v1/Database", OperatorResources.Database.class),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", OperatorResources.ScheduledBackup.class),
            Map.entry("barmancloud.cnpg.io/v1/ObjectStore", OperatorResources.ObjectStore.class),
            Map.entry("k8s.keycloak.org/v2alpha1/Keycloak", OperatorResources.Keycloak.class),
            Map.entry("k8s.keycloak.org/v2alpha1/KeycloakRealmImport", OperatorResources.KeycloakRealmImport.class));

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    private static final YAMLMapper YAML = new YAMLMapper();

    private Manifests() {
    }

    /** kubectl kustomize DIR, parsed. */
    static List<Resource> render(Path kustomization) {
        String yaml = kustomize(kustomization);
        List<Resource> resources = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                resources.add(parse(doc));
            }
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize " + kustomization + " printed YAML that does not parse", e);
        }
        return resources;
    }

    static Resource parse(JsonNode doc) {
        String apiVersion = doc.path("apiVersion").asText();
        String kind = doc.path("kind").asText();
        String name = doc.path("metadata").path("name").asText();
        Class<?> model = MODELS.get(apiVersion + "/" + kind);
        if (model == null) {
            throw new AssertionError(apiVersion + " " + kind + " " + name + ": no typed model for this kind; add one"
                    + " (OperatorResources) from its API reference at a pinned version");
        }
        Object typed;
        try {
            typed = STRICT.treeToValue(doc, model);
        } catch (IOException e) {
            throw new AssertionError(kind + " " + name + " does not fit " + model.getSimpleName() + ": " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(typed, kind + " " + name, unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError("fields the API does not have: " + unknown);
        }
        return new Resource(apiVersion, kind, name, doc, typed);
    }

    /** Collects fabric8's "additional properties" (fields its model does not know) anywhere in the object graph. */
    static void unknownFields(Object node, String path, List<String> found) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node instanceof Enum<?> || node instanceof JsonNode) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, found));
            return;
        }
        Class<?> type = node.getClass();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                unknownFields(invoke(c.getAccessor(), node), path + "." + c.getName(), found);
            }
            return;
        }
        if (!type.getName().startsWith("io.fabric8.")) {
            return; // e.g. Quantity's and IntOrString's own values
        }
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() != 0 || getter.getDeclaringClass() == Object.class
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + getter.getName().replaceFirst("^(get|is)", ""), found);
            }
        }
    }

    private static Object invoke(Method method, Object target) {
        try {
            return method.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(method + " on " + target.getClass(), e);
        }
    }

    private static String kustomize(Path dir) {
        String kubectl = System.getenv().getOrDefault("KUBECTL", "kubectl");
        Process process;
        try {
            process = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run '" + kubectl + " kustomize': kubectl (with its built-in kustomize) is"
                    + " needed to render deploy/k8s; install it (it is on machines of this kind) or point KUBECTL at it", e);
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + err);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("kubectl kustomize " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            process.destroy();
        }
    }

    static Stream<Resource> ofKind(List<Resource> resources, String kind) {
        return resources.stream().filter(r -> r.kind().equals(kind));
    }

    static Path repo() {
        Path here = Path.of(System.getProperty("luoshi.repo", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(here.resolve("deploy/k8s"))) {
            throw new IllegalStateException("not the repository root: " + here);
        }
        return here;
    }
}
