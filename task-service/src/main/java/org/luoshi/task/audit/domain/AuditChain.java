package org.luoshi.task.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Iterator;

/**
 * The hash chain: how an entry's hash is computed and how a sequence of entries is checked. Pure functions, so
 * that they can be tested on entries in memory and run unchanged over the database's.
 *
 * <p>
 * The hash is the lower-case hex SHA-256 of the UTF-8 bytes of this canonical JSON array:
 *
 * <pre>
 * ["luoshi-audit-v1", seq, "recordedAt", "actor", "actorRoles", "action", "entityType", "entityId" | null,
 *  before | null, after | null, "prevHash"]
 * </pre>
 *
 * with {@code recordedAt} as {@code 2026-03-01T08:15:30.123456Z} (UTC, always six fractional digits), strings
 * quoted by {@link CanonicalJson#quote}, and {@code before}/{@code after} embedded as their canonical JSON (not
 * as strings), so every field is delimited and a missing state ({@code null}) differs from a JSON null state
 * (which the log never stores) and from the text "null".
 */
public final class AuditChain {
    public static final String ZERO_HASH = "0".repeat(64);
    /** Names the serialisation above; a future change of format would use another tag. */
    public static final String FORMAT = "luoshi-audit-v1";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** The text that is hashed for this entry (its own hash is not part of it). */
    public static String preimage(AuditRecord r) {
        StringBuilder out = new StringBuilder(256);
        out.append('[').append(CanonicalJson.quote(FORMAT))
                .append(',').append(r.seq())
                .append(',').append(CanonicalJson.quote(timestamp(r.recordedAt())))
                .append(',').append(CanonicalJson.quote(r.actor()))
                .append(',').append(CanonicalJson.quote(r.actorRoles()))
                .append(',').append(CanonicalJson.quote(r.action()))
                .append(',').append(CanonicalJson.quote(r.entityType()))
                .append(',').append(r.entityId() == null ? "null" : CanonicalJson.quote(r.entityId()))
                .append(',').append(r.before() == null ? "null" : r.before())
                .append(',').append(r.after() == null ? "null" : r.after())
                .append(',').append(CanonicalJson.quote(r.prevHash()))
                .append(']');
        return out.toString();
    }

    public static String hashOf(AuditRecord r) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(sha256.digest(preimage(r).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The time as hashed: UTC, microseconds (anything finer is dropped, as PostgreSQL drops it). */
    public static String timestamp(Instant at) {
        return TIME.format(at);
    }

    /**
     * Checks entries given in ascending seq, stopping at the first that does not check. Each must have the next
     * seq (the first is 1), carry the previous entry's hash (64 zeros for the first), and hash to its stored hash.
     * Reads the iterator lazily: the entries may be streamed from a table of any size.
     */
    public static ChainVerdict verify(Iterator<AuditRecord> entries) {
        return verifyAfter(0, ZERO_HASH, entries);
    }

    /**
     * Checks the entries that follow an entry already checked ({@code seq}, {@code hash}: a checkpoint), given in
     * ascending seq from {@code seq + 1}; from 0 and 64 zeros it is the whole chain.
     */
    public static ChainVerdict verifyAfter(long seq, String hash, Iterator<AuditRecord> entries) {
        long expectedSeq = seq + 1;
        String prevHash = hash;
        long read = 0;
        while (entries.hasNext()) {
            AuditRecord entry = entries.next();
            read++;
            long lastGood = expectedSeq - 1;
            if (entry.seq() != expectedSeq) {
                String reason = entry.seq() > expectedSeq
                        ? "gap before seq " + entry.seq()
                        : "seq " + entry.seq() + " out of order after seq " + lastGood;
                return ChainVerdict.broken(read, entry.seq(), reason, lastGood, prevHash);
            }
            if (!prevHash.equals(entry.prevHash())) {
                String reason = entry.seq() == 1
                        ? "prev_hash of the first entry is not 64 zeros"
                        : "prev_hash does not match entry " + lastGood;
                return ChainVerdict.broken(read, entry.seq(), reason, lastGood, prevHash);
            }
            if (!hashOf(entry).equals(entry.hash())) {
                return ChainVerdict.broken(read, entry.seq(), "hash mismatch", lastGood, prevHash);
            }
            prevHash = entry.hash();
            expectedSeq++;
        }
        return ChainVerdict.valid(read, expectedSeq - 1, prevHash);
    }
}
