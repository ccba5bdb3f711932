package org.luoshi.workflow.workitem;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.luoshi.common.security.CurrentUser;

/**
 * One way to complete each kind of work item: the generic {@code POST /api/inbox/{id}/complete} completes the items
 * of 任务交办 only; every other kind has its own endpoint with its own form, named here for the problem answers.
 * Each context declares its kinds ({@link CompletionEndpoints}), and which role decides its deciding kinds.
 */
@ApplicationScoped
public class ItemKinds {
    public static final String INBOX_COMPLETION = "POST /api/inbox/{id}/complete";

    @Inject
    Instance<CompletionEndpoints> contexts;

    private volatile Map<String, String> endpoints;

    private volatile Map<String, String> decidingRoles;

    /** Whether the generic inbox completion handles this kind of item. */
    public boolean completedByInbox(String activityId) {
        return INBOX_COMPLETION.equals(endpoints().get(activityId));
    }

    /** A sentence naming the endpoint that completes this kind of item. */
    public String howToComplete(String activityId) {
        String endpoint = endpoints().get(activityId);
        return endpoint == null ? "this kind of item (" + activityId + ") has no completion endpoint"
                : "complete it with " + endpoint;
    }

    /** The role that decides this kind of item, if it is a deciding one. */
    public Optional<String> decidingRole(String activityId) {
        return Optional.ofNullable(decidingRoles().get(activityId));
    }

    /** 403 unless the caller has the deciding role of this kind of item (other kinds pass). */
    public void requireDecidingRole(CurrentUser user, String activityId) {
        decidingRole(activityId).ifPresent(role -> DecisionPolicy.requireRole(user, role, activityId));
    }

    private Map<String, String> endpoints() {
        if (endpoints == null) {
            endpoints = collect(CompletionEndpoints::byActivity);
        }
        return endpoints;
    }

    private Map<String, String> decidingRoles() {
        if (decidingRoles == null) {
            decidingRoles = collect(CompletionEndpoints::decidingRoles);
        }
        return decidingRoles;
    }

    private Map<String, String> collect(Function<CompletionEndpoints, Map<String, String>> declared) {
        Map<String, String> all = new HashMap<>();
        contexts.forEach(context -> declared.apply(context).forEach((activity, value) -> {
            if (all.put(activity, value) != null) {
                throw new IllegalStateException("Two contexts declare the kind of item " + activity);
            }
        }));
        return Map.copyOf(all);
    }
}
