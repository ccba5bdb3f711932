package org.luoshi.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.luoshi.deploy.k8s.Manifests.Resource;
import org.luoshi.deploy.k8s.OperatorResources.BackupMethod;
import org.luoshi.deploy.k8s.OperatorResources.Cluster;
import org.luoshi.deploy.k8s.OperatorResources.Database;
import org.luoshi.deploy.k8s.OperatorResources.Keycloak;
import org.luoshi.deploy.k8s.OperatorResources.KeycloakRealmImport;
import org.luoshi.deploy.k8s.OperatorResources.ObjectStore;
import org.luoshi.deploy.k8s.OperatorResources.ScheduledBackup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * deploy/k8s validated offline: the base and both overlays render with {@code kubectl kustomize}, every resource
 * parses strictly into its typed model ({@link Manifests}), and the rules that keep the deployment safe hold.
 */
class KubernetesManifestsTest {

    static final List<String> TARGETS = List.of("base", "overlays/demo", "overlays/production");
    static final List<String> APPS = List.of("task-service", "workflow-service", "web");
    static final String DEMO_ONLY_ANNOTATION = "luoshi.org/demo-only";

    static Path repo;
    static final Map<String, List<Resource>> rendered = new LinkedHashMap<>();

    @BeforeAll
    static void render() {
        repo = Manifests.repo();
        for (String target : TARGETS) {
            rendered.put(target, Manifests.render(repo.resolve("deploy/k8s").resolve(target)));
        }
    }

    static List<Resource> of(String target) {
        return rendered.get(target);
    }

    static Stream<Resource> all() {
        return rendered.values().stream().flatMap(List::stream);
    }

    static <T> List<T> typed(String target, String kind, Class<T> type) {
        return Manifests.ofKind(of(target), kind).map(r -> r.as(type)).toList();
    }

    static Deployment deployment(String target, String name) {
        return typed(target, "Deployment", Deployment.class).stream().filter(d -> d.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(target + ": no Deployment " + name));
    }

    static Container app(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(deployment.getMetadata().getName() + " containers").hasSize(1);
        return containers.get(0);
    }

    // ------------------------------------------------------------------------------------------ parsing

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void everyResourceRendersAndParsesIntoItsTypedModel(String target) {
        assertThat(of(target)).extracting(Resource::kind).contains("Deployment", "Service", "Ingress", "NetworkPolicy",
                "PodDisruptionBudget", "ConfigMap", "Cluster", "Database", "ScheduledBackup", "ObjectStore", "Keycloak",
                "KeycloakRealmImport");
    }

    @Test
    void anUnknownFieldAnywhereFailsTheParse() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode deployment = of("base").stream().filter(r -> r.kind().equals("Deployment")).findFirst().orElseThrow().raw().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.path("spec").path("template").path("spec")
                .path("containers").get(0)).put("readinesProbe", "typo");
        JsonNode cluster = json.readTree(of("base").stream().filter(r -> r.kind().equals("Cluster")).findFirst().orElseThrow().raw().toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) cluster.path("spec")).put("instance", 3);

        assertThat(catchParse(deployment)).contains("readinesProbe");
        assertThat(catchParse(cluster)).contains("instance");
    }

    static String catchParse(JsonNode doc) {
        try {
            Manifests.parse(doc);
        } catch (AssertionError e) {
            return e.getMessage();
        }
        return fail("parsed although it has an unknown field: " + doc);
    }

    // ------------------------------------------------------------------------------------------ images

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void everyImageNamesATagThatIsNotLatest(String target) {
        List<String> images = new ArrayList<>();
        typed(target, "Deployment", Deployment.class).forEach(d -> images.add(app(d).getImage()));
        typed(target, "Cluster", Cluster.class).forEach(c -> images.add(c.spec().imageName()));
        typed(target, "Keycloak", Keycloak.class).stream().map(k -> k.spec().image()).filter(i -> i != null).forEach(images::add);
        assertThat(images).isNotEmpty().allSatisfy(image -> {
            String lastPart = image.substring(image.lastIndexOf('/') + 1);
            assertThat(image.contains("@sha256:") || lastPart.contains(":")).as(image + " names no tag").isTrue();
            assertThat(lastPart).as(image).doesNotEndWith(":latest");
        });
    }

    @Test
    void productionTakesTheImagesFromARegistry() {
        assertThat(typed("overlays/production", "Deployment", Deployment.class)).allSatisfy(d ->
                assertThat(app(d).getImage()).startsWith("registry.example.org/luoshi/" + d.getMetadata().getName() + ":"));
    }

    // ------------------------------------------------------------------------------------------ secrets

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void noSecretIsWrittenDownOutsideTheDemo(String target) {
        assertThat(Manifests.ofKind(of(target), "Secret").map(Resource::name).toList()).as("Secrets in " + target).isEmpty();
        // nor a password-like value in an environment variable
        typed(target, "Deployment", Deployment.class).forEach(d -> app(d).getEnv().stream()
                .filter(e -> e.getName().matches(".*(PASSWORD|SECRET|TOKEN).*"))
                .forEach(e -> assertThat(e.getValue()).as(d.getMetadata().getName() + " " + e.getName()).isNull()));
    }

    @Test
    void theDemosSecretsAreMarkedDemoOnly() {
        List<Resource> secrets = Manifests.ofKind(of("overlays/demo"), "Secret").toList();
        assertThat(secrets).isNotEmpty().allSatisfy(s -> assertThat(
                s.as(io.fabric8.kubernetes.api.model.Secret.class).getMetadata().getAnnotations())
                .as(s.name()).containsKey(DEMO_ONLY_ANNOTATION)
                .hasEntrySatisfying(DEMO_ONLY_ANNOTATION, v -> assertThat(v).startsWith("DEMO ONLY")));
    }

    @Test
    void everySecretTheDeploymentNeedsIsEitherMadeByAnOperatorOrListedForTheOperatorsToCreate() {
        Set<String> referenced = new TreeSet<>(secretsReferenced("overlays/production"));
        // made by CloudNativePG at bootstrap (initdb owner)
        referenced.removeAll(Set.of("luoshi-db-app", "keycloak-db-app"));
        assertThat(referenced).containsExactlyInAnyOrderElementsOf(KubernetesManifestsTest.SECRETS_TO_CREATE);
        String readme = read(repo.resolve("deploy/k8s/README.md"));
        assertThat(SECRETS_TO_CREATE).allSatisfy(name -> assertThat(readme).as("deploy/k8s/README.md names " + name).contains(name));
        // the demo generates every one of them
        Set<String> demoSecrets = Manifests.ofKind(of("overlays/demo"), "Secret").map(Resource::name).collect(Collectors.toSet());
        Set<String> demoNeeds = new TreeSet<>(SECRETS_TO_CREATE);
        demoNeeds.removeAll(Set.of("luoshi-tls", "keycloak-tls", "luoshi-smtp"));
        assertThat(demoSecrets).containsAll(demoNeeds);
    }

    /** The Secrets an operator creates before the first apply (deploy/k8s/README.md explains each). */
    static final Set<String> SECRETS_TO_CREATE = Set.of("luoshi-workflow-db", "luoshi-workflow-client",
            "luoshi-web-origin", "luoshi-smtp", "luoshi-backup-s3", "luoshi-tls", "keycloak-tls");

    static Set<String> secretsReferenced(String target) {
        Set<String> names = new TreeSet<>();
        typed(target, "Deployment", Deployment.class).forEach(d -> app(d).getEnv().stream()
                .map(EnvVar::getValueFrom).filter(v -> v != null && v.getSecretKeyRef() != null)
                .forEach(v -> names.add(v.getSecretKeyRef().getName())));
        typed(target, "Ingress", Ingress.class).forEach(i -> i.getSpec().getTls().forEach(t -> names.add(t.getSecretName())));
        typed(target, "Keycloak", Keycloak.class).forEach(k -> {
            names.add(k.spec().db().usernameSecret().getName());
            names.add(k.spec().db().passwordSecret().getName());
            names.add(k.spec().http().tlsSecret());
            Optional.ofNullable(k.spec().ingress().tlsSecret()).ifPresent(names::add);
        });
        typed(target, "KeycloakRealmImport", KeycloakRealmImport.class)
                .forEach(r -> r.spec().placeholders().values().forEach(p -> names.add(p.secret().getName())));
        typed(target, "Cluster", Cluster.class).stream().filter(c -> c.spec().managed() != null)
                .forEach(c -> c.spec().managed().roles().forEach(role -> names.add(role.passwordSecret().getName())));
        typed(target, "ObjectStore", ObjectStore.class).forEach(o -> {
            names.add(o.spec().configuration().s3Credentials().accessKeyId().getName());
            names.add(o.spec().configuration().s3Credentials().secretAccessKey().getName());
        });
        return names;
    }

    // ------------------------------------------------------------------------------------------ containers

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void everyContainerHasItsHealthProbesAndResourceRequestsAndLimits(String target) {
        assertThat(typed(target, "Deployment", Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(APPS);
        typed(target, "Deployment", Deployment.class).forEach(d -> {
            Container c = app(d);
            String name = d.getMetadata().getName();
            assertThat(path(c.getStartupProbe())).as(name + " startup probe").isEqualTo("/q/health/started");
            assertThat(path(c.getLivenessProbe())).as(name + " liveness probe").isEqualTo("/q/health/live");
            assertThat(path(c.getReadinessProbe())).as(name + " readiness probe").isEqualTo("/q/health/ready");
            assertThat(c.getResources().getRequests()).as(name + " requests").containsKeys("cpu", "memory");
            assertThat(c.getResources().getLimits()).as(name + " limits").containsKeys("cpu", "memory");
            // the heap is a share of the limit (the image's MaxRAMPercentage): a request below it would let the node
            // overcommit the memory the JVM will take
            assertThat(Quantity.getAmountInBytes(c.getResources().getRequests().get("memory")))
                    .as(name + " memory request = limit").isEqualTo(Quantity.getAmountInBytes(c.getResources().getLimits().get("memory")));
            assertThat(c.getPorts()).extracting(p -> p.getName()).as(name + " port named http (the probes use it)").contains("http");
        });
    }

    static String path(Probe probe) {
        assertThat(probe).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).isNotNull();
        assertThat(get.getPort().getStrVal()).isEqualTo("http");
        return get.getPath();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void everyPodRunsAsNonRootOnAReadOnlyRootWithoutCapabilitiesUnderTheRuntimesSeccompProfile(String target) {
        typed(target, "Deployment", Deployment.class).forEach(d -> {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).as(name).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).as(name).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(name + " needs no API token").isFalse();
            Container c = app(d);
            assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).as(name).isTrue();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
            assertThat(c.getSecurityContext().getCapabilities().getAdd()).as(name).isNullOrEmpty();
            // /tmp, the only place Quarkus writes, is an emptyDir
            String tmpVolume = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " mounts nothing on /tmp")).getName();
            assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(tmpVolume)).singleElement()
                    .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
        });
    }

    @Test
    void everyEnvironmentVariableWithoutADefaultOrWithADemoOrLocalOneIsSetByItsDeployment() {
        for (String app : APPS) {
            Set<String> needed = variablesToSet(repo.resolve(app).resolve("src/main/resources/application.properties"));
            assertThat(needed).as(app + " has variables to set").isNotEmpty();
            for (String target : TARGETS) {
                Deployment d = deployment(target, app);
                Set<String> set = environment(target, d);
                assertThat(set).as(target + " " + app + " sets every variable without a default or whose default is a"
                        + " demo or local value").containsAll(needed);
            }
        }
    }

    static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    /**
     * From a service's application.properties (the default profile; %test lines are the tests'): every environment
     * variable without a default (the service cannot start without it) or whose default is a demo value or names
     * localhost, and every property whose literal value does (set by its environment-variable form, e.g.
     * LUOSHI_WORKFLOW_NOTIFICATION_USER_MAILBOX).
     */
    static Set<String> variablesToSet(Path properties) {
        Set<String> result = new TreeSet<>();
        for (String line : read(properties).lines().toList()) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("%") || !l.contains("=")) {
                continue;
            }
            String key = l.substring(0, l.indexOf('=')).strip();
            String value = l.substring(l.indexOf('=') + 1).strip();
            Matcher m = ENV_PLACEHOLDER.matcher(value);
            boolean placeholder = false;
            while (m.find()) {
                placeholder = true;
                if (m.group(2) == null || isDemoOrLocal(m.group(2))) {
                    result.add(m.group(1));
                }
            }
            if (!placeholder && isDemoOrLocal(value)) {
                result.add(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
            }
        }
        return result;
    }

    static boolean isDemoOrLocal(String value) {
        return value.contains("demo") || value.contains("localhost") || value.contains("127.0.0.1");
    }

    /** Variables a Deployment's container gets: env, and the keys of the ConfigMaps it takes whole (envFrom). */
    static Set<String> environment(String target, Deployment d) {
        Container c = app(d);
        Set<String> names = c.getEnv().stream().map(EnvVar::getName).collect(Collectors.toCollection(TreeSet::new));
        Optional.ofNullable(c.getEnvFrom()).orElse(List.of()).forEach(from -> {
            assertThat(from.getConfigMapRef()).as("envFrom takes ConfigMaps only").isNotNull();
            names.addAll(configMap(target, from.getConfigMapRef().getName()).getData().keySet());
        });
        c.getEnv().stream().map(EnvVar::getValueFrom).filter(v -> v != null && v.getConfigMapKeyRef() != null)
                .forEach(v -> assertThat(configMap(target, v.getConfigMapKeyRef().getName()).getData())
                        .containsKey(v.getConfigMapKeyRef().getKey()));
        return names;
    }

    static ConfigMap configMap(String target, String name) {
        // a generated ConfigMap's name carries kustomize's content hash: luoshi-urls-<hash>
        return typed(target, "ConfigMap", ConfigMap.class).stream()
                .filter(m -> m.getMetadata().getName().equals(name) || m.getMetadata().getName().matches(Pattern.quote(name) + "-[a-z0-9]{10}"))
                .findFirst().orElseThrow(() -> new AssertionError(target + ": no ConfigMap " + name));
    }

    // ------------------------------------------------------------------------------------------ availability

    @Test
    void productionRunsEveryPartAtLeastTwiceAndPostgreSQLThrice() {
        typed("overlays/production", "Deployment", Deployment.class).forEach(d ->
                assertThat(d.getSpec().getReplicas()).as(d.getMetadata().getName() + " replicas").isGreaterThanOrEqualTo(2));
        typed("overlays/production", "Keycloak", Keycloak.class).forEach(k ->
                assertThat(k.spec().instances()).as("Keycloak instances").isGreaterThanOrEqualTo(2));
        assertThat(typed("overlays/production", "Cluster", Cluster.class)).hasSize(2).allSatisfy(c -> {
            assertThat(c.spec().instances()).as(c.metadata().getName() + " instances").isEqualTo(3);
            assertThat(c.spec().affinity().podAntiAffinityType()).isEqualTo(OperatorResources.PodAntiAffinityType.REQUIRED);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void aDisruptionBudgetKeepsAllButOnePodOfEachDeployment(String target) {
        for (Deployment d : typed(target, "Deployment", Deployment.class)) {
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            List<PodDisruptionBudget> budgets = typed(target, "PodDisruptionBudget", PodDisruptionBudget.class).stream()
                    .filter(p -> podLabels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels().entrySet())).toList();
            assertThat(budgets).as(d.getMetadata().getName() + " PodDisruptionBudget").singleElement()
                    .satisfies(p -> assertThat(p.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void rollingUpdatesNeverLowerTheReadyPodsAndLetTheEnginesRunningJobsFinish(String target) {
        typed(target, "Deployment", Deployment.class).forEach(d -> {
            assertThat(d.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
            assertThat(d.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
                    .as(d.getMetadata().getName() + " maxUnavailable").isZero();
        });
        // Camunda's job executor waits up to 60 s for running jobs on shutdown; the pod must not be killed before
        long grace = deployment(target, "workflow-service").getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
        assertThat(grace).as("workflow-service terminationGracePeriodSeconds").isGreaterThan(60 + 5);
    }

    // ------------------------------------------------------------------------------------------ PostgreSQL

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void eachServiceHasItsOwnDatabaseAndRoleOnTheClusterItsUrlNames(String target) {
        Cluster luoshi = cluster(target, "luoshi-db");
        assertThat(luoshi.spec().bootstrap().initdb().database()).isEqualTo("luoshi_task");
        assertThat(luoshi.spec().bootstrap().initdb().owner()).isEqualTo("luoshi_task");
        assertThat(luoshi.spec().managed().roles()).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("luoshi_workflow");
            assertThat(r.login()).isTrue();
            assertThat(r.superuser()).isNotEqualTo(Boolean.TRUE);
        });
        assertThat(typed(target, "Database", Database.class)).singleElement().satisfies(db -> {
            assertThat(db.spec().name()).isEqualTo("luoshi_workflow");
            assertThat(db.spec().owner()).isEqualTo("luoshi_workflow");
            assertThat(db.spec().cluster().getName()).isEqualTo("luoshi-db");
        });
        assertThat(env(deployment(target, "task-service"), "TASK_DB_URL")).isEqualTo("jdbc:postgresql://luoshi-db-rw:5432/luoshi_task");
        assertThat(env(deployment(target, "workflow-service"), "WORKFLOW_DB_URL"))
                .isEqualTo("jdbc:postgresql://luoshi-db-rw:5432/luoshi_workflow");
        Keycloak keycloak = typed(target, "Keycloak", Keycloak.class).get(0);
        Cluster keycloakDb = cluster(target, "keycloak-db");
        assertThat(keycloak.spec().db().host()).isEqualTo(keycloakDb.metadata().getName() + "-rw");
        assertThat(keycloak.spec().db().database()).isEqualTo(keycloakDb.spec().bootstrap().initdb().database());
        assertThat(keycloak.spec().db().usernameSecret().getName()).isEqualTo(keycloakDb.metadata().getName() + "-app");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void bothClustersArchiveTheirWalAndAreBackedUpNightlyToTheirOwnObjectStore(String target) {
        for (Cluster cluster : typed(target, "Cluster", Cluster.class)) {
            String name = cluster.metadata().getName();
            var archiver = cluster.spec().plugins().stream().filter(p -> Boolean.TRUE.equals(p.isWALArchiver())).toList();
            assertThat(archiver).as(name + " WAL archiver").singleElement()
                    .satisfies(p -> assertThat(p.name()).isEqualTo("barman-cloud.cloudnative-pg.io"));
            String storeName = archiver.get(0).parameters().get("barmanObjectName");
            ObjectStore store = typed(target, "ObjectStore", ObjectStore.class).stream()
                    .filter(o -> o.metadata().getName().equals(storeName)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " archives to a missing ObjectStore " + storeName));
            assertThat(store.spec().retentionPolicy()).matches("^[1-9][0-9]*[dwm]$");
            assertThat(store.spec().configuration().destinationPath()).startsWith("s3://").endsWith("/" + name);
            assertThat(store.spec().configuration().wal().compression()).isNotNull();
            List<ScheduledBackup> backups = typed(target, "ScheduledBackup", ScheduledBackup.class).stream()
                    .filter(b -> b.spec().cluster().getName().equals(name)).toList();
            assertThat(backups).as(name + " scheduled backups").singleElement().satisfies(b -> {
                assertThat(b.spec().method()).isEqualTo(BackupMethod.PLUGIN);
                assertThat(b.spec().pluginConfiguration().name()).isEqualTo("barman-cloud.cloudnative-pg.io");
                // CloudNativePG's schedule has seconds: six fields
                assertThat(b.spec().schedule().split(" ")).as("schedule " + b.spec().schedule()).hasSize(6);
            });
        }
    }

    static Cluster cluster(String target, String name) {
        return typed(target, "Cluster", Cluster.class).stream().filter(c -> c.metadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(target + ": no Cluster " + name));
    }

    static String env(Deployment d, String name) {
        return app(d).getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + " has no " + name)).getValue();
    }

    // ------------------------------------------------------------------------------------------ Keycloak

    @Test
    void theRealmImportCarriesTheProductionRealmAsItIs() throws IOException {
        JsonNode realmFile = new ObjectMapper().readTree(repo.resolve("auth/realm/luoshi-realm-production.json").toFile());
        for (String target : TARGETS) {
            KeycloakRealmImport realmImport = typed(target, "KeycloakRealmImport", KeycloakRealmImport.class).get(0);
            assertThat(realmImport.spec().realm()).as(target + ": regenerate with deploy/k8s/bin/generate-realm-import.sh")
                    .isEqualTo(realmFile);
            Keycloak keycloak = typed(target, "Keycloak", Keycloak.class).get(0);
            assertThat(realmImport.spec().keycloakCRName()).isEqualTo(keycloak.metadata().getName());
            // every ${VAR} in the realm has a placeholder from a Secret
            Set<String> used = new TreeSet<>();
            Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}").matcher(realmFile.toString());
            while (m.find()) {
                used.add(m.group(1));
            }
            assertThat(realmImport.spec().placeholders().keySet()).as(target + " placeholders").isEqualTo(used);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void keycloakRunsInProductionModeWithTlsAndItsPublicHostname(String target) {
        Keycloak keycloak = typed(target, "Keycloak", Keycloak.class).get(0);
        assertThat(keycloak.spec().http().tlsSecret()).isNotBlank();
        assertThat(keycloak.spec().hostname().hostname()).startsWith("https://")
                .isEqualTo(configMap(target, "luoshi-urls").getData().get("public-keycloak-url"));
        assertThat(keycloak.spec().hostname().backchannelDynamic()).isTrue();
        assertThat(keycloak.spec().db().vendor()).isEqualTo(OperatorResources.DatabaseVendor.POSTGRES);
        assertThat(keycloak.spec().additionalOptions()).as("no start-dev or other options").isNullOrEmpty();
        assertThat(keycloak.spec().resources().getLimits()).containsKeys("cpu", "memory");
    }

    // ------------------------------------------------------------------------------------------ addresses

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void theIngressServesTheHostsTheBrowserIsToldAboutOverTls(String target) {
        Map<String, String> urls = configMap(target, "luoshi-urls").getData();
        Ingress ingress = typed(target, "Ingress", Ingress.class).get(0);
        Map<String, String> backendByHost = new LinkedHashMap<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            rule.getHttp().getPaths().forEach(p -> backendByHost.put(rule.getHost(), p.getBackend().getService().getName()));
        }
        assertThat(backendByHost).containsEntry(host(urls.get("web-origin")), "web")
                .containsEntry(host(urls.get("public-task-service-url")), "task-service")
                .containsEntry(host(urls.get("public-workflow-service-url")), "workflow-service");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls ->
                assertThat(tls.getHosts()).containsExactlyInAnyOrderElementsOf(backendByHost.keySet()));
        assertThat(urls.values()).filteredOn(u -> u.startsWith("http")).allSatisfy(u -> assertThat(u).doesNotContain("localhost"));
        Stream.of("web-origin", "public-keycloak-url", "public-task-service-url", "public-workflow-service-url")
                .forEach(k -> assertThat(urls.get(k)).as(k).startsWith("https://"));
        // the services' /q endpoints (health, OpenAPI) are not published
        ingress.getSpec().getRules().stream().filter(r -> !r.getHost().equals(host(urls.get("web-origin"))))
                .forEach(r -> assertThat(r.getHttp().getPaths()).allSatisfy(p -> assertThat(p.getPath()).isEqualTo("/api")));
    }

    static String host(String url) {
        return URI.create(url).getHost();
    }

    // ------------------------------------------------------------------------------------------ network policies

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/demo", "overlays/production"})
    void theNetworkAllowsExactlyTheFlowsTheSystemNeeds(String target) {
        NetworkModel net = new NetworkModel(of(target));
        var browser = NetworkModel.Endpoint.namespace("ingress-nginx");
        var web = NetworkModel.Endpoint.pod("app.kubernetes.io/name", "web");
        var task = NetworkModel.Endpoint.pod("app.kubernetes.io/name", "task-service");
        var workflow = NetworkModel.Endpoint.pod("app.kubernetes.io/name", "workflow-service");
        var keycloak = NetworkModel.Endpoint.pod("app", "keycloak", "app.kubernetes.io/instance", "luoshi-keycloak",
                "app.kubernetes.io/managed-by", "keycloak-operator");
        var luoshiDb = NetworkModel.Endpoint.pod("cnpg.io/cluster", "luoshi-db", "cnpg.io/podRole", "instance");
        var keycloakDb = NetworkModel.Endpoint.pod("cnpg.io/cluster", "keycloak-db", "cnpg.io/podRole", "instance");
        var internet = NetworkModel.Endpoint.outsideTheCluster();

        assertThat(net.defaultDenies()).as("a default-deny policy for ingress and egress").isTrue();

        // allowed
        assertThat(net.allows(browser, web, 8080)).as("browser -> web").isTrue();
        assertThat(net.allows(browser, task, 8081)).as("browser -> task-service API").isTrue();
        assertThat(net.allows(browser, workflow, 8082)).as("browser -> workflow-service API").isTrue();
        assertThat(net.allows(browser, keycloak, 8443)).as("browser -> Keycloak (HTTPS)").isTrue();
        assertThat(net.allows(task, keycloak, 8080)).as("task-service -> Keycloak").isTrue();
        assertThat(net.allows(workflow, keycloak, 8080)).as("workflow-service -> Keycloak").isTrue();
        assertThat(net.allows(task, luoshiDb, 5432)).as("task-service -> PostgreSQL").isTrue();
        assertThat(net.allows(workflow, luoshiDb, 5432)).as("workflow-service -> PostgreSQL").isTrue();
        assertThat(net.allows(workflow, task, 8081)).as("workflow-service -> task-service").isTrue();
        assertThat(net.allows(keycloak, keycloakDb, 5432)).as("Keycloak -> its PostgreSQL").isTrue();
        assertThat(net.allows(workflow, internet, 587)).as("workflow-service -> SMTP relay").isTrue();

        // denied
        assertThat(net.allows(browser, luoshiDb, 5432)).as("browser -> PostgreSQL").isFalse();
        assertThat(net.allows(browser, keycloak, 8080)).as("browser -> Keycloak over plain HTTP").isFalse();
        assertThat(net.allows(web, task, 8081)).as("web server -> task-service").isFalse();
        assertThat(net.allows(web, keycloak, 8080)).as("web server -> Keycloak").isFalse();
        assertThat(net.allows(web, luoshiDb, 5432)).as("web -> PostgreSQL").isFalse();
        assertThat(net.allows(web, internet, 443)).as("web -> internet").isFalse();
        assertThat(net.allows(task, workflow, 8082)).as("task-service -> workflow-service").isFalse();
        assertThat(net.allows(task, internet, 587)).as("task-service -> internet").isFalse();
        assertThat(net.allows(task, keycloakDb, 5432)).as("task-service -> Keycloak's database").isFalse();
        assertThat(net.allows(workflow, keycloakDb, 5432)).as("workflow-service -> Keycloak's database").isFalse();
        assertThat(net.allows(keycloak, luoshiDb, 5432)).as("Keycloak -> Luoshi's database").isFalse();
        assertThat(net.allows(luoshiDb, task, 8081)).as("PostgreSQL -> task-service").isFalse();
        assertThat(net.allows(workflow, internet, 443)).as("workflow-service -> internet (HTTPS)").isFalse();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
