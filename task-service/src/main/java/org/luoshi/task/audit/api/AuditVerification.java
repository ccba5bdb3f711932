package org.luoshi.task.audit.api;

import org.luoshi.task.audit.domain.ChainVerdict;

/**
 * The answer of {@code GET /api/audit/verify}. {@code entries} counts the entries checked (all of them when valid);
 * {@code firstBrokenSeq} and {@code reason} name the first entry that does not check ("hash mismatch",
 * "prev_hash does not match entry 16", "gap before seq 17"). {@code lastSeq}/{@code lastHash} are the last entry
 * that checked: noted down elsewhere, they let a later check notice a truncated or wholly rewritten log.
 * {@code fromSeq} is the checkpoint the check started after (0 for the whole chain): the entries up to it checked
 * before and still end in the hash then noted; {@code ?full=true} re-hashes them all.
 */
public record AuditVerification(boolean valid, long entries, Long firstBrokenSeq, String reason, long lastSeq,
        String lastHash, long fromSeq) {

    public static AuditVerification of(ChainVerdict v, long fromSeq) {
        return new AuditVerification(v.valid(), v.entries(), v.firstBrokenSeq(), v.reason(), v.lastGoodSeq(),
                v.lastGoodHash(), fromSeq);
    }
}
