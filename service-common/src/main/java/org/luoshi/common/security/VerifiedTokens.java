package org.luoshi.common.security;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Raw bearer tokens that passed verification, each with the identity verification built from it, remembered until the
 * token's {@code exp} or {@link TokenCacheConfig#maxAge()} after it was verified, whichever comes first, and at most
 * {@link TokenCacheConfig#maxSize()} of them. The key is the whole token, signature included: a token differing in
 * any character is another key, so it is verified.
 */
public final class VerifiedTokens {
    private record Entry(SecurityIdentity identity, Instant until) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxSize;
    private final Duration maxAge;
    private final InstantSource clock;
    /** A full cache is swept for lapsed entries at most once a second, so that a full cache costs no scan per request. */
    private Instant nextSweep = Instant.MIN;

    public VerifiedTokens(int maxSize, Duration maxAge, InstantSource clock) {
        if (maxSize < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("luoshi.token-cache: max-size and max-age must not be negative");
        }
        this.maxSize = maxSize;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The identity verified from this very token, if it was verified and has not lapsed since. */
    public Optional<SecurityIdentity> find(String token) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(token, entry);
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /**
     * Remembers a token that verification accepted, with the identity it produced, until {@code expiresAt} (the token's
     * {@code exp}) or the maximum age. Synchronized so that the size bound holds exactly; only misses come here.
     */
    public synchronized void remember(String token, SecurityIdentity identity, Instant expiresAt) {
        Instant now = clock.instant();
        Instant until = expiresAt.isBefore(now.plus(maxAge)) ? expiresAt : now.plus(maxAge);
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxSize && !entries.containsKey(token)) {
            sweep(now);
            if (entries.size() >= maxSize) {
                return;
            }
        }
        entries.put(token, new Entry(identity, until));
    }

    public int size() {
        return entries.size();
    }

    private void sweep(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plusSeconds(1);
        entries.values().removeIf(entry -> !now.isBefore(entry.until()));
    }
}
