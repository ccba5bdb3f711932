package org.luoshi.deploy.k8s;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * Typed models of the operators' resources that deploy/k8s uses, written from their API references at the pinned
 * versions (no model of them is served from Maven Central). They hold the fields these manifests use and their
 * documented neighbours; a field not modelled here fails the parse, so a typo or a field of another version is
 * caught, and enumerations are Java enums, so a value outside the documented set fails too.
 * <ul>
 * <li>CloudNativePG 1.28, {@code postgresql.cnpg.io/v1}: Cluster, Database, ScheduledBackup (API reference
 * docs/src/cloudnative-pg.v1.md)</li>
 * <li>Barman Cloud plugin 0.11, {@code barmancloud.cnpg.io/v1}: ObjectStore (api/v1/objectstore_types.go and
 * barman-cloud pkg/api BarmanObjectStoreConfiguration)</li>
 * <li>Keycloak Operator 26.7, {@code k8s.keycloak.org/v2alpha1}: Keycloak, KeycloakRealmImport (the operator's
 * crds.v2alpha1 KeycloakSpec, KeycloakRealmImportSpec and their spec classes)</li>
 * </ul>
 */
final class OperatorResources {

    private OperatorResources() {
    }

    // ---------------------------------------------------------------------------------------------- CloudNativePG

    record Cluster(String apiVersion, String kind, ObjectMeta metadata, ClusterSpec spec) {
    }

    record ClusterSpec(Integer instances, String imageName, PrimaryUpdateStrategy primaryUpdateStrategy,
            PrimaryUpdateMethod primaryUpdateMethod, Boolean enableSuperuserAccess, LocalObjectReference superuserSecret,
            StorageConfiguration storage, StorageConfiguration walStorage, PostgresConfiguration postgresql,
            ResourceRequirements resources, AffinityConfiguration affinity, BootstrapConfiguration bootstrap,
            ManagedConfiguration managed, List<PluginConfiguration> plugins, String description,
            Integer startDelay, Integer stopDelay, Integer switchoverDelay) {
    }

    enum PrimaryUpdateStrategy {
        @JsonProperty("unsupervised") UNSUPERVISED, @JsonProperty("supervised") SUPERVISED
    }

    enum PrimaryUpdateMethod {
        @JsonProperty("switchover") SWITCHOVER, @JsonProperty("restart") RESTART
    }

    record StorageConfiguration(String size, String storageClass, Boolean resizeInUseVolumes) {
    }

    record PostgresConfiguration(Map<String, String> parameters, List<String> pg_hba, List<String> shared_preload_libraries) {
    }

    record AffinityConfiguration(Boolean enablePodAntiAffinity, String topologyKey, Map<String, String> nodeSelector,
            PodAntiAffinityType podAntiAffinityType) {
    }

    enum PodAntiAffinityType {
        @JsonProperty("preferred") PREFERRED, @JsonProperty("required") REQUIRED
    }

    record BootstrapConfiguration(BootstrapInitDB initdb, JsonNode recovery, JsonNode pg_basebackup) {
    }

    record BootstrapInitDB(String database, String owner, LocalObjectReference secret, String encoding,
            String localeCollate, String localeCType, Boolean dataChecksums, List<String> postInitApplicationSQL) {
    }

    record ManagedConfiguration(List<RoleConfiguration> roles) {
    }

    record RoleConfiguration(String name, String comment, Ensure ensure, LocalObjectReference passwordSecret,
            Integer connectionLimit, String validUntil, List<String> inRoles, Boolean inherit, Boolean disablePassword,
            Boolean superuser, Boolean createdb, Boolean createrole, Boolean login, Boolean replication,
            Boolean bypassrls) {
    }

    enum Ensure {
        @JsonProperty("present") PRESENT, @JsonProperty("absent") ABSENT
    }

    record PluginConfiguration(String name, Boolean enabled, Boolean isWALArchiver, Map<String, String> parameters) {
    }

    record Database(String apiVersion, String kind, ObjectMeta metadata, DatabaseSpec spec) {
    }

    record DatabaseSpec(LocalObjectReference cluster, Ensure ensure, String name, String owner, String encoding,
            String template, Integer connectionLimit, DatabaseReclaimPolicy databaseReclaimPolicy) {
    }

    enum DatabaseReclaimPolicy {
        @JsonProperty("delete") DELETE, @JsonProperty("retain") RETAIN
    }

    record ScheduledBackup(String apiVersion, String kind, ObjectMeta metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(Boolean suspend, Boolean immediate, String schedule, LocalObjectReference cluster,
            BackupOwnerReference backupOwnerReference, BackupTarget target, BackupMethod method, Boolean online,
            BackupPluginConfiguration pluginConfiguration) {
    }

    enum BackupOwnerReference {
        @JsonProperty("none") NONE, @JsonProperty("self") SELF, @JsonProperty("cluster") CLUSTER
    }

    enum BackupTarget {
        @JsonProperty("primary") PRIMARY, @JsonProperty("prefer-standby") PREFER_STANDBY
    }

    enum BackupMethod {
        @JsonProperty("barmanObjectStore") BARMAN_OBJECT_STORE, @JsonProperty("volumeSnapshot") VOLUME_SNAPSHOT,
        @JsonProperty("plugin") PLUGIN
    }

    record BackupPluginConfiguration(String name, Map<String, String> parameters) {
    }

    // ---------------------------------------------------------------------------------------------- Barman Cloud

    record ObjectStore(String apiVersion, String kind, ObjectMeta metadata, ObjectStoreSpec spec) {
    }

    record ObjectStoreSpec(BarmanObjectStoreConfiguration configuration, String retentionPolicy,
            InstanceSidecarConfiguration instanceSidecarConfiguration) {
    }

    record InstanceSidecarConfiguration(ResourceRequirements resources, Integer retentionPolicyIntervalSeconds) {
    }

    record BarmanObjectStoreConfiguration(String destinationPath, String endpointURL, SecretKeySelector endpointCA,
            S3Credentials s3Credentials, WalBackupConfiguration wal, DataBackupConfiguration data,
            Map<String, String> tags, Map<String, String> historyTags) {
    }

    record S3Credentials(SecretKeySelector accessKeyId, SecretKeySelector secretAccessKey, SecretKeySelector region,
            SecretKeySelector sessionToken, Boolean inheritFromIAMRole) {
    }

    enum Compression {
        @JsonProperty("bzip2") BZIP2, @JsonProperty("gzip") GZIP, @JsonProperty("lz4") LZ4,
        @JsonProperty("snappy") SNAPPY, @JsonProperty("xz") XZ, @JsonProperty("zstd") ZSTD
    }

    enum Encryption {
        @JsonProperty("AES256") AES256, @JsonProperty("aws:kms") AWS_KMS
    }

    record WalBackupConfiguration(Compression compression, Encryption encryption, Integer maxParallel) {
    }

    record DataBackupConfiguration(Compression compression, Encryption encryption, Integer jobs,
            Boolean immediateCheckpoint) {
    }

    // ---------------------------------------------------------------------------------------------- Keycloak

    record Keycloak(String apiVersion, String kind, ObjectMeta metadata, KeycloakSpec spec) {
    }

    record KeycloakSpec(Integer instances, String image, Boolean startOptimized,
            List<LocalObjectReference> imagePullSecrets, List<ValueOrSecret> additionalOptions, List<ValueOrSecret> env,
            KeycloakDatabase db, KeycloakHttp http, KeycloakHostname hostname, KeycloakProxy proxy,
            KeycloakIngress ingress, KeycloakNetworkPolicy networkPolicy, ResourceRequirements resources,
            KeycloakFeatures features) {
    }

    record ValueOrSecret(String name, String value, SecretKeySelector secret) {
    }

    enum DatabaseVendor {
        @JsonProperty("postgres") POSTGRES, @JsonProperty("mariadb") MARIADB, @JsonProperty("mysql") MYSQL,
        @JsonProperty("mssql") MSSQL, @JsonProperty("oracle") ORACLE, @JsonProperty("dev-file") DEV_FILE
    }

    record KeycloakDatabase(DatabaseVendor vendor, SecretKeySelector usernameSecret, SecretKeySelector passwordSecret,
            String database, String host, Integer port, String schema, String url, Integer poolInitialSize,
            Integer poolMinSize, Integer poolMaxSize) {
    }

    record KeycloakHttp(String tlsSecret, Boolean httpEnabled, Integer httpPort, Integer httpsPort) {
    }

    record KeycloakHostname(String hostname, String admin, Boolean strict, Boolean backchannelDynamic) {
    }

    enum ProxyHeaders {
        @JsonProperty("forwarded") FORWARDED, @JsonProperty("xforwarded") XFORWARDED
    }

    record KeycloakProxy(ProxyHeaders headers) {
    }

    record KeycloakIngress(Boolean enabled, String className, Map<String, String> annotations, String tlsSecret) {
    }

    record KeycloakNetworkPolicy(Boolean enabled, List<NetworkPolicyPeer> http, List<NetworkPolicyPeer> https,
            List<NetworkPolicyPeer> management) {
    }

    record KeycloakFeatures(List<String> enabled, List<String> disabled) {
    }

    record KeycloakRealmImport(String apiVersion, String kind, ObjectMeta metadata, KeycloakRealmImportSpec spec) {
    }

    /** realm is Keycloak's RealmRepresentation: kept as JSON and compared with auth/realm/luoshi-realm-production.json. */
    record KeycloakRealmImportSpec(String keycloakCRName, JsonNode realm, Map<String, Placeholder> placeholders,
            ResourceRequirements resources) {
    }

    record Placeholder(SecretKeySelector secret) {
    }
}
