package org.luoshi.task.audit.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
 * Appending takes the chain's lock, held until the transaction ends, so audited transactions commit one after another.
 * {@link #record} therefore only notes the entry (its states serialised at once, as they are at the call); the notes
 * of a transaction are appended together when it is about to commit, so the lock is held for one statement, the
 * inserts and the commit, not for the rest of the request. Quarkus runs this synchronization before Hibernate's
 * (interposed ones in the order [others, Hibernate ORM, Agroal]): changes still unflushed at the commit are written
 * under the lock, so a service flushes its change before it records it, as before. Seq order is still the order of
 * commits, and within a transaction the order of the calls.
 */
@ApplicationScoped
public class AuditLog {
    @Inject
    AuditEntryRepository entries;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentUser user;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Records one change by the current caller (or {@value AuditPolicy#SYSTEM_ACTOR} without one), appended to the
     * chain when the transaction commits.
     *
     * @param action     e.g. {@code plan.created}, {@code task.accepted}
     * @param entityType e.g. {@code plan}, {@code task}
     * @param entityId   the entity's id (recorded as text), or null
     * @param before     the state before (a DTO record, a map, a JsonNode…), null for a creation
     * @param after      the state after, null for a deletion
     * @throws jakarta.transaction.TransactionalException without a transaction: an entry never stands alone
     * @throws IllegalArgumentException                   for an action or entity type not like {@code plan.created}/{@code plan}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        String id = entityId == null ? null : String.valueOf(entityId);
        String[] actor = actor();
        AuditPolicy.check(action, entityType, id, actor[0]);
        pending().add(new Noted(actor, action, entityType, id, canonical(before), canonical(after)));
    }

    /** One change of a batch: the entity's id and its states before and after, as for {@link #record}. */
    public record Change(Object entityId, Object before, Object after) {
    }

    /**
     * Records many changes of one kind by the current caller, in this order, as {@link #record} would one by one (a
     * bulk path adds or tracks hundreds of milestones in one transaction; they are appended with its other entries,
     * under one take of the chain's lock and in one batch of inserts).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(String action, String entityType, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        String[] actor = actor();
        List<Noted> noted = new ArrayList<>(changes.size());
        for (Change change : changes) {
            String id = change.entityId() == null ? null : String.valueOf(change.entityId());
            AuditPolicy.check(action, entityType, id, actor[0]);
            noted.add(new Noted(actor, action, entityType, id, canonical(change.before()), canonical(change.after())));
        }
        pending().addAll(noted);
    }

    /** An entry noted by this transaction, not yet in the chain: everything but its seq, time and links. */
    private record Noted(String[] actor, String action, String entityType, String entityId, String before, String after) {
    }

    /** The transaction's notes; the first note registers their appending just before the commit. */
    @SuppressWarnings("unchecked")
    private List<Noted> pending() {
        List<Noted> notes = (List<Noted>) transactions.getResource(AuditLog.class);
        if (notes == null) {
            notes = new ArrayList<>();
            transactions.putResource(AuditLog.class, notes);
            List<Noted> toAppend = notes;
            // interposed, so it runs before the commit, inside the transaction and on its connection
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() != Status.STATUS_MARKED_ROLLBACK) {
                        append(toAppend);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
        return notes;
    }

    /** Takes the chain's lock, reads its head and appends the notes in order, one batch of inserts. */
    private void append(List<Noted> notes) {
        ChainHead head = entries.lockHead();
        // taken under the lock, so time order follows seq order
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<AuditRecord> sealed = new ArrayList<>(notes.size());
        long seq = head.seq();
        String previous = head.hash();
        for (Noted n : notes) {
            AuditRecord entry = new AuditRecord(++seq, now, n.actor()[0], n.actor()[1], n.action(), n.entityType(),
                    n.entityId(), n.before(), n.after(), previous, null).sealed();
            sealed.add(entry);
            previous = entry.hash();
        }
        if (sealed.size() == 1) {
            entries.insert(sealed.get(0));
        } else {
            entries.insertAll(sealed);
        }
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
