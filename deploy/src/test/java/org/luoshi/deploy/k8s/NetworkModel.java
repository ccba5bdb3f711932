package org.luoshi.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.luoshi.deploy.k8s.Manifests.Resource;
import org.luoshi.deploy.k8s.OperatorResources.Keycloak;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

/**
 * What the rendered NetworkPolicies allow, evaluated as Kubernetes does: a pod selected by a policy of a direction is
 * isolated in that direction and reaches (or is reached by) only what one of their rules allows; a connection needs
 * the source's egress and the destination's ingress. The Keycloak Operator's own policy for Keycloak's pods (from
 * the Keycloak resource's networkPolicy) is included. ipBlock rules are taken to match addresses outside the cluster.
 */
final class NetworkModel {

    /** A pod of the deployment's namespace (labels), a pod of another namespace, or an address outside the cluster. */
    record Endpoint(Map<String, String> labels, String namespace, boolean external) {
        static Endpoint pod(String... labelPairs) {
            Map<String, String> labels = new java.util.LinkedHashMap<>();
            for (int i = 0; i < labelPairs.length; i += 2) {
                labels.put(labelPairs[i], labelPairs[i + 1]);
            }
            return new Endpoint(labels, null, false);
        }

        static Endpoint namespace(String name) {
            return new Endpoint(Map.of(), name, false);
        }

        static Endpoint outsideTheCluster() {
            return new Endpoint(Map.of(), null, true);
        }

        boolean inDeploymentNamespace() {
            return namespace == null && !external;
        }
    }

    /** A policy reduced to what matters here: whom it selects, and its rules per direction (null: not that direction). */
    record Policy(LabelSelector podSelector, List<Rule> ingress, List<Rule> egress) {
    }

    record Rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
    }

    private final List<Policy> policies = new ArrayList<>();
    private boolean defaultDeny;

    NetworkModel(List<Resource> resources) {
        for (Resource r : resources) {
            if (r.kind().equals("NetworkPolicy")) {
                add(r.as(NetworkPolicy.class));
            } else if (r.kind().equals("Keycloak")) {
                addKeycloakOperatorPolicy(r.as(Keycloak.class));
            }
        }
    }

    private void add(NetworkPolicy np) {
        var spec = np.getSpec();
        List<String> types = spec.getPolicyTypes();
        List<Rule> ingress = types.contains("Ingress")
                ? spec.getIngress().stream().map(i -> new Rule(i.getFrom(), i.getPorts())).toList() : null;
        List<Rule> egress = types.contains("Egress")
                ? spec.getEgress().stream().map(e -> new Rule(e.getTo(), e.getPorts())).toList() : null;
        policies.add(new Policy(spec.getPodSelector(), ingress, egress));
        boolean selectsAll = spec.getPodSelector().getMatchLabels().isEmpty() && spec.getPodSelector().getMatchExpressions().isEmpty();
        if (selectsAll && ingress != null && ingress.isEmpty() && egress != null && egress.isEmpty()) {
            defaultDeny = true;
        }
    }

    /** The operator's policy: HTTP, HTTPS and management ports from the listed peers (all when none), JGroups among its pods. */
    private void addKeycloakOperatorPolicy(Keycloak keycloak) {
        var np = keycloak.spec().networkPolicy();
        if (np != null && Boolean.FALSE.equals(np.enabled())) {
            return;
        }
        LabelSelector keycloakPods = new LabelSelector(List.of(),
                Map.of("app", "keycloak", "app.kubernetes.io/instance", keycloak.metadata().getName()));
        List<Rule> rules = new ArrayList<>();
        var http = keycloak.spec().http();
        if (http != null && Boolean.TRUE.equals(http.httpEnabled())) {
            rules.add(new Rule(np == null ? List.of() : orEmpty(np.http()), ports(Optional.ofNullable(http.httpPort()).orElse(8080))));
        }
        rules.add(new Rule(np == null ? List.of() : orEmpty(np.https()),
                ports(http == null || http.httpsPort() == null ? 8443 : http.httpsPort())));
        rules.add(new Rule(np == null ? List.of() : orEmpty(np.management()), ports(9000)));
        NetworkPolicyPeer peers = new NetworkPolicyPeer(null, null, keycloakPods);
        rules.add(new Rule(List.of(peers), ports(7800, 57800)));
        policies.add(new Policy(keycloakPods, rules, null));
    }

    private static List<NetworkPolicyPeer> orEmpty(List<NetworkPolicyPeer> peers) {
        return peers == null ? List.of() : peers;
    }

    private static List<NetworkPolicyPort> ports(int... numbers) {
        List<NetworkPolicyPort> ports = new ArrayList<>();
        for (int n : numbers) {
            ports.add(new NetworkPolicyPort(null, new IntOrString(n), "TCP"));
        }
        return ports;
    }

    boolean defaultDenies() {
        return defaultDeny;
    }

    boolean allows(Endpoint from, Endpoint to, int port) {
        return sideAllows(from, to, port, false) && sideAllows(to, from, port, true);
    }

    /** ingress=false: may {@code self} send to {@code other}; ingress=true: may {@code self} receive from {@code other}. */
    private boolean sideAllows(Endpoint self, Endpoint other, int port, boolean ingress) {
        if (!self.inDeploymentNamespace()) {
            return true; // not governed by these policies
        }
        List<Rule> rules = new ArrayList<>();
        boolean isolated = false;
        for (Policy p : policies) {
            List<Rule> direction = ingress ? p.ingress() : p.egress();
            if (direction != null && selects(p.podSelector(), self.labels())) {
                isolated = true;
                rules.addAll(direction);
            }
        }
        return !isolated || rules.stream().anyMatch(r -> portMatches(r.ports(), port) && peerMatches(r.peers(), other));
    }

    private static boolean portMatches(List<NetworkPolicyPort> ports, int port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> p.getPort() == null
                || (p.getPort().getIntVal() != null && p.getPort().getIntVal() == port));
    }

    private static boolean peerMatches(List<NetworkPolicyPeer> peers, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPeer peer : peers) {
            if (peer.getIpBlock() != null) {
                if (other.external()) {
                    return true;
                }
                continue;
            }
            if (other.external()) {
                continue;
            }
            boolean namespaceOk = peer.getNamespaceSelector() == null
                    ? other.inDeploymentNamespace()
                    : other.namespace() != null && selects(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", other.namespace()));
            boolean podOk = peer.getPodSelector() == null || (other.inDeploymentNamespace() || peer.getNamespaceSelector() != null)
                    && selects(peer.getPodSelector(), other.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement req : Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of())) {
            String value = labels.get(req.getKey());
            boolean ok = switch (req.getOperator()) {
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                case "In" -> value != null && req.getValues().contains(value);
                case "NotIn" -> value == null || !req.getValues().contains(value);
                default -> throw new IllegalArgumentException("operator " + req.getOperator());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
