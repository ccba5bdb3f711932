package org.luoshi.task.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import jakarta.transaction.UserTransaction;

import org.junit.jupiter.api.Test;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.audit.application.AuditService;
import org.luoshi.task.audit.domain.AuditChain;
import org.luoshi.task.audit.domain.AuditRecord;
import org.luoshi.task.audit.domain.ChainVerdict;
import org.luoshi.task.audit.persistence.AuditEntryRepository;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The audit log on PostgreSQL. The database is shared with other test classes that also record entries, so each
 * test asserts on its own entries and on the validity of the whole chain; tampering happens inside a transaction
 * that is always rolled back, so no other session ever sees it and the rows come back exactly as they were.
 */
@QuarkusTest
class AuditLogTest {
    @Inject
    AuditLog audit;

    @Inject
    AuditService auditService;

    @Inject
    AuditEntryRepository repository;

    @Inject
    DataSource dataSource;

    @Inject
    UserTransaction tx;

    record Sample(String title, BigDecimal target, Instant due, List<String> departments) {
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = { "supervisor", "admin" })
    void recordedChangesFormAValidChainAndNameTheCaller() {
        String id = uniqueId();
        long created = committed("plan.created", id, null, Map.of("status", "DRAFT"));
        long inForce = committed("plan.status-changed", id, Map.of("status", "DRAFT"), Map.of("status", "IN_FORCE"));
        long closed = committed("plan.status-changed", id, Map.of("status", "IN_FORCE"), Map.of("status", "CLOSED"));

        assertThat(List.of(inForce, closed)).containsExactly(created + 1, created + 2);
        AuditRecord first = row(created);
        assertThat(first.actor()).isEqualTo("chen.jing");
        assertThat(first.actorRoles()).isEqualTo("admin,supervisor");
        assertThat(first.before()).isNull();
        assertThat(first.after()).isEqualTo("{\"status\":\"DRAFT\"}");
        assertThat(row(inForce).prevHash()).isEqualTo(first.hash());
        assertValidChain();
    }

    @Test
    void statesSurviveTheJsonbRoundTripSoTheHashCanBeRecomputed() {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("b", 1);
        after.put("aa", "jsonb puts shorter keys first");
        after.put("text", "落实 \"quoted\" \\ back / slash\nnew line\ttab \u0001 \u2028 é 😀");
        after.put("decimal", new BigDecimal("1.50"));
        after.put("exponent", new BigDecimal("1E+3"));
        after.put("double", 0.1);
        after.put("float", 0.1f);
        after.put("negativeZero", -0.0);
        after.put("tiny", 1e-7);
        after.put("huge", 1.5e300);
        after.put("long", Long.MIN_VALUE);
        after.put("bigint", new BigInteger("123456789012345678901234567890"));
        after.put("nothing", null);
        after.put("yes", true);
        after.put("nested", Map.of("z", List.of(1, 2.5, Map.of(), List.of()), "a", new HashMap<>()));
        after.put("record", new Sample("规划", new BigDecimal("12.300"), Instant.parse("2026-12-31T16:00:00.123456789Z"),
                List.of("haidian", "chaoyang")));
        String id = uniqueId();
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record("test.round-tripped", "audit-test", id, Map.of("list", List.of()), after));
        long seq = lastSeqOf(id);

        String stored = storedText(seq, "after_state");
        AuditRecord readBack = row(seq);
        assertThat(stored).as("PostgreSQL re-formats the jsonb it gives back").isNotEqualTo(readBack.after()).contains(", ");
        assertThat(AuditChain.hashOf(readBack)).isEqualTo(readBack.hash());
        assertValidChain();
    }

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateEntries() throws Exception {
        long seq = committed("test.kept", uniqueId(), null, Map.of("v", 1));
        String hash = row(seq).hash();
        for (String change : List.of("update audit_entry set actor = 'mallory' where seq = " + seq,
                "delete from audit_entry where seq = " + seq,
                "truncate audit_entry")) {
            tx.begin();
            try {
                assertThatThrownBy(() -> execute(change)).as(change)
                        .isInstanceOf(SQLException.class).hasMessageContaining("audit_entry is append-only");
            } finally {
                tx.rollback();
            }
        }
        assertThat(row(seq).hash()).isEqualTo(hash);
        assertThat(row(seq).actor()).isEqualTo("system");
    }

    @Test
    void aTamperedStateIsFoundAndNamedBySeq() throws Exception {
        String id = uniqueId();
        committed("test.before", id, null, Map.of("status", "DRAFT"));
        long tampered = committed("test.tampered", id, Map.of("status", "DRAFT"), Map.of("status", "IN_FORCE"));
        committed("test.after", id, Map.of("status", "IN_FORCE"), Map.of("status", "CLOSED"));

        ChainVerdict verdict = withTriggersOffThenRolledBack(List.of(
                "update audit_entry set after_state = '{\"status\": \"CLOSED\"}' where seq = " + tampered));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenSeq()).isEqualTo(tampered);
        assertThat(verdict.reason()).isEqualTo("hash mismatch");
        assertTriggersEnabled();
        assertThat(row(tampered).after()).isEqualTo("{\"status\":\"IN_FORCE\"}");
        assertValidChain();
    }

    @Test
    void aDeletedMiddleEntryIsFoundAsAGapBeforeTheNextSeq() throws Exception {
        String id = uniqueId();
        committed("test.first", id, null, Map.of("n", 1));
        long deleted = committed("test.deleted", id, Map.of("n", 1), Map.of("n", 2));
        long next = committed("test.next", id, Map.of("n", 2), Map.of("n", 3));

        ChainVerdict verdict = withTriggersOffThenRolledBack(List.of("delete from audit_entry where seq = " + deleted));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.firstBrokenSeq()).isEqualTo(next);
        assertThat(verdict.reason()).isEqualTo("gap before seq " + next);
        assertTriggersEnabled();
        assertThat(row(deleted).action()).isEqualTo("test.deleted");
        assertValidChain();
    }

    @Test
    void entriesOfARolledBackTransactionLeaveNoTraceAndNoGap() throws Exception {
        String id = uniqueId();
        String rolledBackId = uniqueId();
        long before = committed("test.committed", id, null, Map.of("n", 1));
        tx.begin();
        try {
            audit.record("test.rolled-back", "audit-test", rolledBackId, null, Map.of("n", 2));
            audit.record("test.rolled-back", "audit-test", rolledBackId, Map.of("n", 2), Map.of("n", 3));
        } finally {
            tx.rollback();
        }
        long after = committed("test.committed", id, Map.of("n", 1), Map.of("n", 4));

        assertThat(auditService.list("audit-test", rolledBackId, null, org.luoshi.task.audit.domain.AuditVisibility.EVERYTHING, 0, 10).total()).isZero();
        assertThat(after).isEqualTo(before + 1);
        assertThat(row(after).prevHash()).isEqualTo(row(before).hash());
        assertValidChain();
    }

    @Test
    void aRecordedEntryTakesTheChainsLockOnlyWhenItsTransactionCommits() throws Exception {
        String id = uniqueId();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            tx.begin();
            long otherSeq;
            try {
                audit.record("test.noted", "audit-test", id, null, Map.of("n", 1));
                assertThat(holdsTheChainsLock()).as("the lock is not taken while the request goes on").isFalse();
                // another transaction appends meanwhile, without waiting for this one
                otherSeq = other.submit(() -> committed("test.meanwhile", id, null, Map.of("n", 2))).get(10, TimeUnit.SECONDS);
            } catch (Exception | Error e) {
                tx.rollback();
                throw e;
            }
            tx.commit();
            long noted = lastSeqOf(id);

            assertThat(noted).as("appended at its commit, after the entry committed meanwhile").isEqualTo(otherSeq + 1);
            assertThat(row(noted).action()).isEqualTo("test.noted");
            assertThat(row(noted).prevHash()).isEqualTo(row(otherSeq).hash());
        } finally {
            other.shutdownNow();
        }
        assertValidChain();
    }

    @Test
    void aTransactionsEntriesFollowOneAnotherInTheOrderTheyWereRecorded() {
        String id = uniqueId();
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record("test.first", "audit-test", id, null, Map.of("n", 1));
            audit.recordAll("test.batch", "audit-test", List.of(new AuditLog.Change(id, Map.of("n", 1), Map.of("n", 2)),
                    new AuditLog.Change(id, Map.of("n", 2), Map.of("n", 3))));
            audit.record("test.last", "audit-test", id, Map.of("n", 3), Map.of("n", 4));
        });
        List<Long> seqs = new ArrayList<>(seqsOf(id));
        Collections.reverse(seqs);

        assertThat(seqs).hasSize(4);
        assertThat(seqs.get(3) - seqs.get(0)).as("consecutive").isEqualTo(3);
        assertThat(seqs.stream().map(seq -> row(seq).action()).toList())
                .containsExactly("test.first", "test.batch", "test.batch", "test.last");
        assertThat(seqs.stream().map(seq -> row(seq).after()).toList())
                .containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "{\"n\":4}");
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(row(seqs.get(i)).prevHash()).isEqualTo(row(seqs.get(i - 1)).hash());
        }
        assertValidChain();
    }

    @Test
    void aStateIsRecordedAsItWasWhenRecordedNotAsItIsAtTheCommit() {
        String id = uniqueId();
        Map<String, Object> state = new HashMap<>(Map.of("status", "DRAFT"));
        QuarkusTransaction.requiringNew().run(() -> {
            audit.record("test.snapshot", "audit-test", id, null, state);
            state.put("status", "CHANGED-AFTER-THE-CALL");
        });

        assertThat(row(lastSeqOf(id)).after()).isEqualTo("{\"status\":\"DRAFT\"}");
    }

    @Test
    void concurrentTransactionsOfSeveralEntriesEachKeepThemTogetherAndTheChainValid() throws Exception {
        String run = "multi-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        String id = run + "-" + thread + "-" + i;
                        QuarkusTransaction.requiringNew().run(() -> {
                            audit.record("test.decided", "audit-test", id, null, Map.of("step", 1));
                            audit.record("test.completed", "audit-test", id, null, Map.of("step", 2));
                        });
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        for (int t = 0; t < 6; t++) {
            for (int i = 0; i < 10; i++) {
                List<Long> seqs = seqsOf(run + "-" + t + "-" + i);
                assertThat(seqs).hasSize(2);
                assertThat(seqs.get(0)).as("a transaction's entries are consecutive").isEqualTo(seqs.get(1) + 1);
                assertThat(row(seqs.get(1)).action()).isEqualTo("test.decided");
            }
        }
        assertValidChain();
    }

    @Test
    void concurrentWritersInSeparateTransactionsStillFormOneChain() throws Exception {
        String run = "conc-" + UUID.randomUUID();
        ConcurrentLinkedQueue<Long> seqs = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        int n = i;
                        QuarkusTransaction.requiringNew().run(() -> audit.record("test.concurrent", "audit-test",
                                run + "-" + thread, n == 0 ? null : Map.of("n", n - 1), Map.of("n", n)));
                        seqs.add(lastSeqOf(run + "-" + thread));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Set<Long> distinct = new TreeSet<>(seqs);
        assertThat(distinct).hasSize(160);
        List<AuditRecord> mine = new ArrayList<>();
        for (long seq : distinct) {
            mine.add(row(seq));
        }
        assertThat(mine).allSatisfy(e -> assertThat(e.entityId()).startsWith(run));
        for (int i = 1; i < mine.size(); i++) {
            assertThat(mine.get(i).recordedAt()).as("time follows seq").isAfterOrEqualTo(mine.get(i - 1).recordedAt());
        }
        assertValidChain();
    }

    @Test
    void anAppenderThatWaitedForTheHeadLinksToTheEntryItsHolderCommitted() throws Exception {
        String id = uniqueId();
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            tx.begin();
            long held;
            Future<Long> waiting;
            try {
                holdTheChain();
                audit.record("test.holder", "audit-test", id, null, Map.of("n", 1));
                waiting = waiter.submit(() -> committed("test.waiter", id, Map.of("n", 1), Map.of("n", 2)));
                awaitAnAppenderWaitingForTheHead();
            } catch (Exception | Error e) {
                tx.rollback();
                throw e;
            }
            tx.commit();
            long appended = waiting.get(30, TimeUnit.SECONDS);
            held = appended - 1;
            assertThat(row(held).action()).isEqualTo("test.holder");

            assertThat(appended).isEqualTo(held + 1);
            assertThat(row(appended).prevHash()).isEqualTo(row(held).hash());
        } finally {
            waiter.shutdownNow();
        }
        assertValidChain();
    }

    @Test
    void anAppenderThatWaitedForTheHeadLinksToTheOldHeadWhenItsHolderRolledBack() throws Exception {
        String id = uniqueId();
        long before = committed("test.committed", id, null, Map.of("n", 1));
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            tx.begin();
            Future<Long> waiting;
            try {
                holdTheChain();
                audit.record("test.rolled-back", "audit-test", id, Map.of("n", 1), Map.of("n", 2));
                waiting = waiter.submit(() -> committed("test.waiter", id, Map.of("n", 1), Map.of("n", 3)));
                awaitAnAppenderWaitingForTheHead();
            } finally {
                tx.rollback();
            }
            long appended = waiting.get(30, TimeUnit.SECONDS);

            assertThat(appended).isEqualTo(before + 1);
            assertThat(row(appended).prevHash()).isEqualTo(row(before).hash());
            assertThat(row(appended).action()).isEqualTo("test.waiter");
        } finally {
            waiter.shutdownNow();
        }
        assertValidChain();
    }

    @Test
    void withoutACallerTheActorIsTheSystem() throws Exception {
        String id = uniqueId();
        CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> audit.record("test.by-system", "audit-test", id, null, Map.of("job", "startup"))))
                .get(30, TimeUnit.SECONDS);
        long seq = lastSeqOf(id);
        assertThat(row(seq).actor()).isEqualTo("system");
        assertThat(row(seq).actorRoles()).isEmpty();
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void anEntryIsNeverRecordedOutsideTheTransactionOfItsChange() {
        assertThatThrownBy(() -> audit.record("test.alone", "audit-test", uniqueId(), null, Map.of()))
                .isInstanceOf(TransactionalException.class);
    }

    @Test
    @TestSecurity(user = "chen.jing", roles = "supervisor")
    void anActionOrEntityTypeOutsideTheConventionIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> audit.record("Plan Created", "audit-test", uniqueId(), null, Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plan.created");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> audit.record("test.ok", "AuditTest", uniqueId(), null, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                .run(() -> audit.record("test.ok", "audit-test", "x".repeat(61), null, Map.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------------------------------------------

    private long committed(String action, String entityId, Object before, Object after) {
        QuarkusTransaction.requiringNew().run(() -> audit.record(action, "audit-test", entityId, before, after));
        return lastSeqOf(entityId);
    }

    /** The seq of the newest committed entry of this test entity (each test's ids are its own). */
    private long lastSeqOf(String entityId) {
        return seqsOf(entityId).get(0);
    }

    /** The seqs of the committed entries of this test entity, newest first. */
    private List<Long> seqsOf(String entityId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select seq from audit_entry where entity_type = 'audit-test' and entity_id = ? order by seq desc")) {
            s.setString(1, entityId);
            List<Long> seqs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                }
            }
            return seqs;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the chain's lock in the current transaction, as an appender does in its commit (or a node of an older
     * version, which took it at its first entry), until that transaction ends.
     */
    private void holdTheChain() {
        repository.lockHead();
    }

    /** Whether the current transaction's session holds the chain's advisory lock. */
    private boolean holdsTheChainsLock() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from pg_locks where locktype = 'advisory'"
                        + " and pid = pg_backend_pid() and granted")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /** Runs the tampering with the append-only triggers off, checks the chain, and rolls everything back. */
    private ChainVerdict withTriggersOffThenRolledBack(List<String> tampering) throws Exception {
        tx.begin();
        try {
            execute("set local lock_timeout = '10s'");
            execute("alter table audit_entry disable trigger user");
            for (String sql : tampering) {
                execute(sql);
            }
            return auditService.verifyChain();
        } finally {
            // undoes the tampering and the ALTER TABLE alike: the rows are back exactly as they were
            tx.rollback();
        }
    }

    /**
     * Waits until another session of this database waits for a lock (the chain's, held by this test's transaction).
     * Asked on a thread without a transaction: a session sees pg_stat_activity as it was when its transaction first
     * read it.
     */
    private void awaitAnAppenderWaitingForTheHead() throws Exception {
        String waiting = "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                + " and datname = current_database() and pid <> pg_backend_pid()";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (CompletableFuture.supplyAsync(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(waiting)) {
                rs.next();
                return rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }).get(30, TimeUnit.SECONDS) == 0) {
            assertThat(System.nanoTime()).as("an appender waits for the head within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void assertTriggersEnabled() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select tgname, tgenabled from pg_trigger"
                        + " where tgrelid = 'audit_entry'::regclass and not tgisinternal order by tgname")) {
            List<String> triggers = new ArrayList<>();
            while (rs.next()) {
                triggers.add(rs.getString(1) + "=" + rs.getString(2));
            }
            assertThat(triggers).containsExactly("audit_entry_no_truncate=O", "audit_entry_no_update_or_delete=O");
        }
    }

    private String storedText(long seq, String column) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select " + column + "::text from audit_entry where seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The committed entry as the verification reads it. */
    private AuditRecord row(long seq) {
        List<AuditRecord> page = repository.pageAfter(seq - 1, 1);
        assertThat(page).hasSize(1);
        assertThat(page.get(0).seq()).isEqualTo(seq);
        return page.get(0);
    }

    private void assertValidChain() {
        ChainVerdict verdict = auditService.verifyChain();
        assertThat(verdict.reason()).isNull();
        assertThat(verdict.valid()).isTrue();
    }

    private static String uniqueId() {
        return "t-" + UUID.randomUUID();
    }
}
