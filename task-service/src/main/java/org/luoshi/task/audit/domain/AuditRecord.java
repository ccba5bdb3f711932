package org.luoshi.task.audit.domain;

import java.time.Instant;

/**
 * One entry of the audit chain as the hash sees it: plain values, the states as canonical JSON text
 * ({@link CanonicalJson}), null where there is no state (nothing before a creation, nothing after a deletion).
 *
 * @param seq         1, 2, 3… without gaps
 * @param recordedAt  when, to the microsecond (PostgreSQL keeps no finer)
 * @param actor       user name, or {@value AuditPolicy#SYSTEM_ACTOR} for work without a caller
 * @param actorRoles  the actor's roles, sorted and comma-separated ("" for none)
 * @param action      what happened, e.g. {@code plan.created}
 * @param entityType  e.g. {@code plan}
 * @param entityId    the entity's id as text; null when the change concerns no single entity
 * @param before      canonical JSON of the state before, or null
 * @param after       canonical JSON of the state after, or null
 * @param prevHash    the previous entry's hash; 64 zeros for the first entry
 * @param hash        SHA-256 hex of this entry ({@link AuditChain#hashOf}); null until sealed
 */
public record AuditRecord(long seq, Instant recordedAt, String actor, String actorRoles, String action, String entityType,
        String entityId, String before, String after, String prevHash, String hash) {

    /** This entry with its hash computed from its content. */
    public AuditRecord sealed() {
        return withHash(AuditChain.hashOf(this));
    }

    public AuditRecord withHash(String newHash) {
        return new AuditRecord(seq, recordedAt, actor, actorRoles, action, entityType, entityId, before, after, prevHash,
                newHash);
    }
}
