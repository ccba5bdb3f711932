package org.luoshi.task.audit.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.luoshi.task.audit.domain.AuditEntry;

import com.fasterxml.jackson.databind.JsonNode;

/** One audit entry as the API shows it: who, when, what, the states before and after, and its place in the chain. */
public record AuditEntryView(long seq, Instant recordedAt, String actor, List<String> actorRoles, String action,
        String entityType, String entityId, JsonNode before, JsonNode after, String prevHash, String hash) {

    public static AuditEntryView of(AuditEntry e, JsonNode before, JsonNode after) {
        List<String> roles = e.actorRoles.isEmpty() ? List.of() : Arrays.asList(e.actorRoles.split(","));
        return new AuditEntryView(e.seq, e.recordedAt, e.actor, roles, e.action, e.entityType, e.entityId, before, after,
                e.prevHash, e.hash);
    }
}
