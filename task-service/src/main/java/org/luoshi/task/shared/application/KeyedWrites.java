package org.luoshi.task.shared.application;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.task.shared.domain.AppliedRequest;
import org.luoshi.task.shared.persistence.AppliedRequestRepository;
import org.luoshi.task.shared.persistence.IdempotencyLocks;

/**
 * The one opening of every write that carries a key (the {@code Idempotency-Key} header, a report key, an adjustment
 * key): workflow-service retries its steps, so the same key must act once and answer the same afterwards.
 * <ol>
 * <li>{@link #open} checks the key (400 naming the field) and takes the key's advisory lock first in the transaction
 * ({@link IdempotencyLocks} says why), so that an overlapping retry waits for the attempt it repeats.</li>
 * <li>The service then looks for what an earlier call with the key did: writes that keep their own record under the key
 * (a milestone report, a task revision) read it; the others use {@link #earlier} and, having acted, {@link #record}.</li>
 * </ol>
 */
@ApplicationScoped
public class KeyedWrites {
    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_LENGTH = 200;

    @Inject
    IdempotencyLocks locks;

    @Inject
    AppliedRequestRepository appliedRequests;

    /** Checks the key sent as {@code field} and serializes the calls with the same (scope, key) until this transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void open(String field, String scope, String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidFieldException(field, "required, 1 to " + MAX_LENGTH + " characters", ViolationCodes.REQUIRED);
        }
        if (key.length() > MAX_LENGTH) {
            throw new InvalidFieldException(field, "1 to " + MAX_LENGTH + " characters", ViolationCodes.LENGTH,
                    Map.of("min", 1, "max", MAX_LENGTH));
        }
        locks.lock(scope, key);
    }

    /**
     * The target of an earlier call with this {@code Idempotency-Key}, when it did {@code operation} (to {@code targetId},
     * unless that is null: a creation). A key used for anything else is 409.
     */
    public Optional<Long> earlier(String key, String operation, Long targetId) {
        AppliedRequest earlier = appliedRequests.findById(key);
        if (earlier == null) {
            return Optional.empty();
        }
        if (!earlier.operation.equals(operation) || (targetId != null && !earlier.targetId.equals(targetId))) {
            throw new ConflictException(HEADER + " " + key + " was already used for another change");
        }
        return Optional.of(earlier.targetId);
    }

    /** Remembers that the call with this key did {@code operation} to {@code targetId}, in the same transaction. */
    public void record(String key, String operation, long targetId, Instant at) {
        AppliedRequest applied = new AppliedRequest();
        applied.idempotencyKey = key;
        applied.operation = operation;
        applied.targetId = targetId;
        applied.appliedAt = at;
        appliedRequests.persist(applied);
    }
}
