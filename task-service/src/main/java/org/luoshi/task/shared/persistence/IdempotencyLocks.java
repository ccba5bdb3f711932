package org.luoshi.task.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serializes the calls that carry the same idempotency key (Idempotency-Key header, report key, adjustment key...).
 * workflow-service retries its steps, and a retry may overlap the attempt it repeats (a timed-out call that is still
 * running): without this both would find no earlier outcome and both act. The lock is PostgreSQL's transaction-level
 * advisory lock, so it is released by the commit or rollback of the winner; the loser then reads the winner's committed
 * outcome (read committed: each statement sees what was committed before it started) and answers it, or acts itself if
 * the winner rolled back. Take it first in the transaction, before reading anything the key protects.
 */
@ApplicationScoped
public class IdempotencyLocks {

    @Inject
    EntityManager em;

    /** Blocks until no other transaction holds the same (scope, key); held until this transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String scope, String key) {
        // wrapped in a select of a plain number: pg_advisory_xact_lock returns void, which JDBC maps to no Java type
        em.createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:scope), hashtext(:key))) l")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .getSingleResult();
    }
}
