package org.luoshi.task.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.luoshi.task.audit.domain.AuditChain;
import org.luoshi.task.audit.domain.AuditRecord;
import org.luoshi.task.audit.domain.ChainVerdict;

/** The chain's checks on entries in memory: any change, removal or relinking is found and named by seq. */
class AuditChainTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:15:30.123456Z");

    @Test
    void anUntouchedChainIsValidAndEndsAtItsLastEntry() {
        List<AuditRecord> chain = chain(5);
        ChainVerdict verdict = AuditChain.verify(chain.iterator());
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.entries()).isEqualTo(5);
        assertThat(verdict.firstBrokenSeq()).isNull();
        assertThat(verdict.reason()).isNull();
        assertThat(verdict.lastGoodSeq()).isEqualTo(5);
        assertThat(verdict.lastGoodHash()).isEqualTo(chain.get(4).hash());
    }

    @Test
    void anEmptyLogIsValid() {
        ChainVerdict verdict = AuditChain.verify(List.<AuditRecord> of().iterator());
        assertThat(verdict.valid()).isTrue();
        assertThat(verdict.entries()).isZero();
        assertThat(verdict.lastGoodHash()).isEqualTo(AuditChain.ZERO_HASH);
    }

    @Test
    void theFirstEntryLinksToSixtyFourZeros() {
        assertThat(chain(1).get(0).prevHash()).isEqualTo("0".repeat(64));
    }

    @Test
    void aChangedStateIsAHashMismatchAtThatEntry() {
        List<AuditRecord> chain = chain(5);
        AuditRecord e = chain.get(2);
        chain.set(2, new AuditRecord(e.seq(), e.recordedAt(), e.actor(), e.actorRoles(), e.action(), e.entityType(),
                e.entityId(), e.before(), "{\"status\":\"CLOSED\"}", e.prevHash(), e.hash()));
        assertBroken(chain, 3, "hash mismatch");
    }

    @Test
    void everyRecordedFieldIsCoveredByTheHash() {
        List<AuditRecord> chain = chain(1);
        AuditRecord e = chain.get(0);
        List<AuditRecord> altered = List.of(
                new AuditRecord(1, e.recordedAt().plusNanos(1000), e.actor(), e.actorRoles(), e.action(), e.entityType(), e.entityId(), e.before(), e.after(), e.prevHash(), e.hash()),
                new AuditRecord(1, e.recordedAt(), "someone.else", e.actorRoles(), e.action(), e.entityType(), e.entityId(), e.before(), e.after(), e.prevHash(), e.hash()),
                new AuditRecord(1, e.recordedAt(), e.actor(), "admin,supervisor", e.action(), e.entityType(), e.entityId(), e.before(), e.after(), e.prevHash(), e.hash()),
                new AuditRecord(1, e.recordedAt(), e.actor(), e.actorRoles(), "plan.closed", e.entityType(), e.entityId(), e.before(), e.after(), e.prevHash(), e.hash()),
                new AuditRecord(1, e.recordedAt(), e.actor(), e.actorRoles(), e.action(), "plan", e.entityId(), e.before(), e.after(), e.prevHash(), e.hash()),
                new AuditRecord(1, e.recordedAt(), e.actor(), e.actorRoles(), e.action(), e.entityType(), "99", e.before(), e.after(), e.prevHash(), e.hash()),
                new AuditRecord(1, e.recordedAt(), e.actor(), e.actorRoles(), e.action(), e.entityType(), e.entityId(), "{}", e.after(), e.prevHash(), e.hash()),
                new AuditRecord(1, e.recordedAt(), e.actor(), e.actorRoles(), e.action(), e.entityType(), e.entityId(), e.before(), null, e.prevHash(), e.hash()));
        assertThat(altered).allSatisfy(a -> assertThat(AuditChain.hashOf(a)).isNotEqualTo(e.hash()));
    }

    @Test
    void fieldsCannotBeShiftedIntoOneAnother() {
        AuditRecord one = entry(1, "ab", "c.d", null, null);
        AuditRecord other = entry(1, "a", "bc.d", null, null);
        assertThat(AuditChain.preimage(one)).isNotEqualTo(AuditChain.preimage(other));
        AuditRecord noState = entry(1, "li.na", "plan.created", null, null);
        AuditRecord jsonNullText = entry(1, "li.na", "plan.created", null, "\"null\"");
        assertThat(AuditChain.hashOf(noState)).isNotEqualTo(AuditChain.hashOf(jsonNullText));
    }

    @Test
    void theHashIsOfADocumentedText() {
        AuditRecord e = new AuditRecord(7, T0, "chen.jing", "supervisor", "plan.created", "plan", "42", null,
                "{\"status\":\"DRAFT\",\"title\":\"规划\"}", "a".repeat(64), null);
        assertThat(AuditChain.preimage(e)).isEqualTo("[\"luoshi-audit-v1\",7,\"2026-03-01T08:15:30.123456Z\",\"chen.jing\","
                + "\"supervisor\",\"plan.created\",\"plan\",\"42\",null,{\"status\":\"DRAFT\",\"title\":\"规划\"},\"" + "a".repeat(64)
                + "\"]");
        assertThat(AuditChain.hashOf(e)).matches("[0-9a-f]{64}");
    }

    @Test
    void aRewrittenEntryWithARecomputedHashBreaksTheNextEntrysLink() {
        List<AuditRecord> chain = chain(5);
        AuditRecord e = chain.get(1);
        chain.set(1, new AuditRecord(e.seq(), e.recordedAt(), e.actor(), e.actorRoles(), e.action(), e.entityType(),
                e.entityId(), e.before(), "{\"status\":\"CLOSED\"}", e.prevHash(), null).sealed());
        assertBroken(chain, 3, "prev_hash does not match entry 2");
    }

    @Test
    void aMissingMiddleEntryIsAGapBeforeTheNextOne() {
        List<AuditRecord> chain = chain(5);
        chain.remove(2);
        assertBroken(chain, 4, "gap before seq 4");
    }

    @Test
    void aMissingFirstEntryIsAGapBeforeTheSecond() {
        List<AuditRecord> chain = chain(3);
        chain.remove(0);
        assertBroken(chain, 2, "gap before seq 2");
    }

    @Test
    void aFirstEntryThatLinksToSomethingIsBroken() {
        List<AuditRecord> chain = chain(2);
        AuditRecord e = chain.get(0);
        chain.set(0, new AuditRecord(1, e.recordedAt(), e.actor(), e.actorRoles(), e.action(), e.entityType(), e.entityId(),
                e.before(), e.after(), "f".repeat(64), null).sealed());
        assertBroken(chain, 1, "prev_hash of the first entry is not 64 zeros");
    }

    @Test
    void aRepeatedEntryIsOutOfOrder() {
        List<AuditRecord> chain = chain(3);
        chain.add(2, chain.get(1));
        assertBroken(chain, 2, "seq 2 out of order after seq 2");
    }

    @Test
    void onlyTheFirstBreakIsNamed() {
        List<AuditRecord> chain = chain(6);
        chain.remove(4);
        chain.remove(1);
        ChainVerdict verdict = assertBroken(chain, 3, "gap before seq 3");
        assertThat(verdict.entries()).isEqualTo(2);
        assertThat(verdict.lastGoodSeq()).isEqualTo(1);
    }

    private static ChainVerdict assertBroken(List<AuditRecord> chain, long seq, String reason) {
        ChainVerdict verdict = AuditChain.verify(chain.iterator());
        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenSeq()).isEqualTo(seq);
        assertThat(verdict.reason()).isEqualTo(reason);
        return verdict;
    }

    /** n sealed entries linked from 64 zeros. */
    static List<AuditRecord> chain(int n) {
        List<AuditRecord> chain = new ArrayList<>();
        String prev = AuditChain.ZERO_HASH;
        for (int i = 1; i <= n; i++) {
            AuditRecord e = new AuditRecord(i, T0.plusSeconds(i), "chen.jing", "supervisor", "task.assigned", "task",
                    String.valueOf(100 + i), "{\"lead\":null,\"status\":\"DRAFT\"}", "{\"lead\":\"haidian\",\"status\":\"ASSIGNED\"}",
                    prev, null).sealed();
            chain.add(e);
            prev = e.hash();
        }
        return chain;
    }

    private static AuditRecord entry(long seq, String actor, String action, String before, String after) {
        return new AuditRecord(seq, T0, actor, "", action, "plan", "1", before, after, AuditChain.ZERO_HASH, null).sealed();
    }
}
