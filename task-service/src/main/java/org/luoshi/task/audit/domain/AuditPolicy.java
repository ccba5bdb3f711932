package org.luoshi.task.audit.domain;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What goes into the audit log and who reads it. Every change of the system of record is recorded by the service
 * that makes it, in the same transaction; the log is read by the supervising office, third-party evaluators and
 * admins, never by department staff or the workflow engine.
 */
public final class AuditPolicy {
    /** The actor of changes made without a caller: startup and scheduled jobs. */
    public static final String SYSTEM_ACTOR = "system";
    /** Actions name the entity and the change in the past tense: {@code plan.created}, {@code task.accepted}. */
    public static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");
    public static final Pattern ENTITY_TYPE = Pattern.compile("[a-z][a-z0-9-]*");
    public static final int ACTION_MAX = 60;
    public static final int ENTITY_TYPE_MAX = 40;
    public static final int ENTITY_ID_MAX = 60;
    public static final int ACTOR_MAX = 100;

    private AuditPolicy() {
    }

    /** Refuses, before anything is written, an entry the table or the conventions would not take. */
    public static void check(String action, String entityType, String entityId, String actor) {
        if (action == null || action.length() > ACTION_MAX || !ACTION.matcher(action).matches()) {
            throw new IllegalArgumentException("audit action must look like 'plan.created' (at most " + ACTION_MAX
                    + " characters), got '" + action + "'");
        }
        if (entityType == null || entityType.length() > ENTITY_TYPE_MAX || !ENTITY_TYPE.matcher(entityType).matches()) {
            throw new IllegalArgumentException("audit entity type must look like 'plan' (at most " + ENTITY_TYPE_MAX
                    + " characters), got '" + entityType + "'");
        }
        if (entityId != null && (entityId.isEmpty() || entityId.length() > ENTITY_ID_MAX)) {
            throw new IllegalArgumentException("audit entity id must have 1 to " + ENTITY_ID_MAX + " characters");
        }
        if (actor == null || actor.isEmpty() || actor.length() > ACTOR_MAX) {
            throw new IllegalArgumentException("audit actor must have 1 to " + ACTOR_MAX + " characters");
        }
    }

    /** Roles as recorded: sorted, comma-separated. */
    public static String rolesText(Collection<String> roles) {
        return roles.stream().sorted().collect(Collectors.joining(","));
    }
}
