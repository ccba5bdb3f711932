package org.luoshi.task.audit.domain;

/**
 * What checking the chain found.
 *
 * @param valid          every entry links to the one before and hashes to its stored hash
 * @param entries        entries read: all of them when valid, up to and including the first broken one otherwise
 * @param firstBrokenSeq the first entry that does not check, or null
 * @param reason         why it does not: "hash mismatch", "prev_hash does not match entry N", "gap before seq N" …
 * @param lastGoodSeq    the last entry that checked (0 when none did)
 * @param lastGoodHash   its hash (64 zeros when none did); note it down elsewhere to detect later rewriting
 *                       of the whole chain or removal of its tail, which the chain alone cannot show
 */
public record ChainVerdict(boolean valid, long entries, Long firstBrokenSeq, String reason, long lastGoodSeq,
        String lastGoodHash) {

    static ChainVerdict valid(long entries, long lastSeq, String lastHash) {
        return new ChainVerdict(true, entries, null, null, lastSeq, lastHash);
    }

    static ChainVerdict broken(long entries, long seq, String reason, long lastGoodSeq, String lastGoodHash) {
        return new ChainVerdict(false, entries, seq, reason, lastGoodSeq, lastGoodHash);
    }
}
