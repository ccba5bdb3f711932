package org.luoshi.workflow.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.shared.ServiceToken;
import org.luoshi.workflow.taskservice.DepartmentClient;

/**
 * Department codes → names (海淀区) for what people read: notifications and work items. task-service holds the
 * departments; their list (some fifty, changed by a migration, not by users) is read once and again only when a code
 * it does not hold is asked for, at most once a minute. A name is a courtesy: when task-service cannot be asked, the
 * code is shown instead of failing the step that wanted the name.
 */
@ApplicationScoped
public class DepartmentNames {
    private static final Logger LOG = Logger.getLogger(DepartmentNames.class);
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    @Inject
    @RestClient
    DepartmentClient departments;

    private volatile Map<String, String> names = Map.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    /** The department's Chinese name, or the code itself when it is unknown (or task-service cannot be asked). */
    public String name(String code) {
        if (code == null) {
            return null;
        }
        String name = names.get(code);
        if (name == null && Instant.now().isAfter(loadedAt.plus(RETRY_AFTER))) {
            reload();
            name = names.get(code);
        }
        return name == null ? code : name;
    }

    /** The names of the codes, in their order, joined by 、 (as a Chinese list of departments is written). */
    public String names(Collection<String> codes) {
        return codes == null ? "" : codes.stream().map(this::name).collect(Collectors.joining("、"));
    }

    /** code → name for the codes given (a code unknown maps to itself). */
    public Map<String, String> namesOf(Collection<String> codes) {
        return codes.stream().distinct().collect(Collectors.toMap(Function.identity(), this::name));
    }

    private synchronized void reload() {
        if (!Instant.now().isAfter(loadedAt.plus(RETRY_AFTER))) {
            return;
        }
        loadedAt = Instant.now();
        try {
            List<DepartmentClient.Department> all = ServiceToken.withFreshTokenOn401("departments", departments::list);
            names = all.stream().filter(d -> d.code() != null && d.nameZh() != null)
                    .collect(Collectors.toUnmodifiableMap(DepartmentClient.Department::code,
                            DepartmentClient.Department::nameZh, (a, b) -> a));
        } catch (RuntimeException e) {
            LOG.warnf("Department names could not be read from task-service (%s); codes are shown instead", e.toString());
        }
    }
}
