package org.luoshi.workflow.workitem;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * One way to complete each kind of work item: the generic {@code POST /api/inbox/{id}/complete} completes the items
 * of 任务交办 only; every other kind has its own endpoint with its own form, named here for the problem answers.
 * Each context declares its kinds ({@link CompletionEndpoints}).
 */
@ApplicationScoped
public class ItemKinds {
    public static final String INBOX_COMPLETION = "POST /api/inbox/{id}/complete";

    @Inject
    Instance<CompletionEndpoints> contexts;

    private volatile Map<String, String> endpoints;

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

    private Map<String, String> endpoints() {
        if (endpoints == null) {
            Map<String, String> all = new HashMap<>();
            contexts.forEach(context -> context.byActivity().forEach((activity, endpoint) -> {
                if (all.put(activity, endpoint) != null) {
                    throw new IllegalStateException("Two contexts declare the kind of item " + activity);
                }
            }));
            endpoints = Map.copyOf(all);
        }
        return endpoints;
    }
}
