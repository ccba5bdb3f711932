package org.luoshi.task.audit.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.luoshi.common.security.CurrentUser;
import org.luoshi.task.audit.domain.AuditPolicy;
import org.luoshi.task.audit.domain.AuditRecord;
import org.luoshi.task.audit.domain.CanonicalJson;
import org.luoshi.task.audit.persistence.AuditEntryRepository;
import org.luoshi.task.audit.persistence.AuditEntryRepository.ChainHead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;

/**
 * Records changes in the append-only, hash-chained audit log, inside the transaction that makes the change: the
 * entry commits with it or vanishes with it, and seq numbers have no gaps.
 *
 * <p>
 * Appending takes a lock held until that transaction ends, so audited transactions commit one after another.
 * Call {@link #record} as the last step of the change, after the entities are flushed, to hold it briefly.
 */
@ApplicationScoped
public class AuditLog {
    @Inject
    AuditEntryRepository entries;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser user;

    /**
     * Records one change by the current caller (or {@value AuditPolicy#SYSTEM_ACTOR} without one).
     *
     * @param action     e.g. {@code plan.created}, {@code task.accepted}
     * @param entityType e.g. {@code plan}, {@code task}
     * @param entityId   the entity's id (recorded as text), or null
     * @param before     the state before (a DTO record, a map, a JsonNode…), null for a creation
     * @param after      the state after, null for a deletion
     * @return the entry's seq
     * @throws jakarta.transaction.TransactionalException without a transaction: an entry never stands alone
     * @throws IllegalArgumentException                   for an action or entity type not like {@code plan.created}/{@code plan}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long record(String action, String entityType, Object entityId, Object before, Object after) {
        String id = entityId == null ? null : String.valueOf(entityId);
        String[] actor = actor();
        AuditPolicy.check(action, entityType, id, actor[0]);
        String beforeJson = canonical(before);
        String afterJson = canonical(after);
        ChainHead head = entries.lockHead();
        // taken under the lock, so time order follows seq order
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditRecord entry = new AuditRecord(head.seq() + 1, now, actor[0], actor[1], action, entityType, id, beforeJson,
                afterJson, head.hash(), null).sealed();
        entries.insert(entry);
        return entry.seq();
    }

    /** One change of a batch: the entity's id and its states before and after, as for {@link #record}. */
    public record Change(Object entityId, Object before, Object after) {
    }

    /**
     * Records many changes of one kind by the current caller, in this order, as {@link #record} would one by one, but
     * under one take of the chain's lock and in one batch of inserts: a bulk path (hundreds of milestones added or
     * tracked in one transaction) pays the lock and the head's read once, not per entry.
     *
     * @return the seq of the last entry, or 0 for no changes
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long recordAll(String action, String entityType, List<Change> changes) {
        if (changes.isEmpty()) {
            return 0;
        }
        String[] actor = actor();
        List<String[]> states = new ArrayList<>(changes.size());
        for (Change change : changes) {
            AuditPolicy.check(action, entityType, change.entityId() == null ? null : String.valueOf(change.entityId()), actor[0]);
            states.add(new String[] { canonical(change.before()), canonical(change.after()) });
        }
        ChainHead head = entries.lockHead();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<AuditRecord> sealed = new ArrayList<>(changes.size());
        long seq = head.seq();
        String previous = head.hash();
        for (int i = 0; i < changes.size(); i++) {
            Object id = changes.get(i).entityId();
            AuditRecord entry = new AuditRecord(++seq, now, actor[0], actor[1], action, entityType,
                    id == null ? null : String.valueOf(id), states.get(i)[0], states.get(i)[1], previous, null).sealed();
            sealed.add(entry);
            previous = entry.hash();
        }
        entries.insertAll(sealed);
        return seq;
    }

    /** {user name, roles}: the token's when a request is under way, the system's otherwise. */
    private String[] actor() {
        if (!Arc.container().requestContext().isActive() || user.isAnonymous()) {
            return new String[] { AuditPolicy.SYSTEM_ACTOR, "" };
        }
        return new String[] { user.username(), AuditPolicy.rolesText(user.roles()) };
    }

    private String canonical(Object state) {
        if (state == null) {
            return null;
        }
        JsonNode tree = state instanceof JsonNode node ? node : json.valueToTree(state);
        return tree == null || tree.isNull() || tree.isMissingNode() ? null : CanonicalJson.write(tree);
    }
}
