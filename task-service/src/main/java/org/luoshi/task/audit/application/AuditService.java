package org.luoshi.task.audit.application;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.task.audit.api.AuditEntryView;
import org.luoshi.task.audit.api.AuditVerification;
import org.luoshi.task.audit.domain.AuditChain;
import org.luoshi.task.audit.domain.AuditEntry;
import org.luoshi.task.audit.domain.AuditRecord;
import org.luoshi.task.audit.domain.AuditVisibility;
import org.luoshi.task.audit.domain.CanonicalJson;
import org.luoshi.task.audit.domain.ChainVerdict;
import org.luoshi.task.audit.api.AuditEntryView;
import org.luoshi.task.audit.api.AuditVerification;
import org.luoshi.task.audit.persistence.AuditEntryRepository.ChainHead;
import org.luoshi.task.audit.persistence.AuditEntryRepository;
import org.luoshi.task.shared.api.PageView;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Reads the audit log: pages of entries, and the check of the chain (from the last checkpoint, or whole). */
@ApplicationScoped
public class AuditService {
    /** Entries read per query while verifying: the chain is streamed, never loaded whole. */
    static final int VERIFY_PAGE = 2000;

    @Inject
    AuditEntryRepository entries;

    public PageView<AuditEntryView> list(String entityType, String entityId, String actor, AuditVisibility visibility,
            int page, int size) {
        PanacheQuery<AuditEntry> query = entries.search(blankToNull(entityType), blankToNull(entityId), blankToNull(actor),
                visibility);
        List<AuditEntryView> items = query.page(page, size).list().stream()
                .map(e -> AuditEntryView.of(e, parse(e.beforeState), parse(e.afterState)))
                .toList();
        return new PageView<>(items, page, size, query.count());
    }

    /**
     * Checks the whole chain from seq 1, page by page. Inside a transaction it reads through the transaction's
     * connection (and so sees its uncommitted changes); otherwise each page is read as committed when it is read,
     * which is safe because entries are committed strictly in seq order.
     */
    public ChainVerdict verifyChain() {
        return AuditChain.verify(new Pages(0));
    }

    /**
     * Checks the chain from the newest checkpoint (or, when {@code full}, from seq 1) and notes a new checkpoint
     * where a valid check ends. A checkpoint is trusted only while its entry still carries the hash noted: the
     * entries before it are not re-hashed, which is what the full check is for.
     */
    public AuditVerification verify(boolean full, String verifiedBy) {
        ChainHead from = full ? new ChainHead(0, AuditChain.ZERO_HASH)
                : entries.lastCheckpoint().orElse(new ChainHead(0, AuditChain.ZERO_HASH));
        if (from.seq() > 0 && !entries.hashAt(from.seq()).filter(from.hash()::equals).isPresent()) {
            return AuditVerification.of(new ChainVerdict(false, 1, from.seq(),
                    "entry " + from.seq() + " no longer has the hash it had when it was verified", from.seq() - 1, null),
                    0);
        }
        ChainVerdict verdict = AuditChain.verifyAfter(from.seq(), from.hash(), new Pages(from.seq()));
        if (verdict.valid() && verdict.lastGoodSeq() > from.seq()) {
            entries.checkpoint(verdict.lastGoodSeq(), verdict.lastGoodHash(), verifiedBy);
        }
        return AuditVerification.of(verdict, from.seq());
    }

    private final class Pages implements Iterator<AuditRecord> {
        private Iterator<AuditRecord> page = List.<AuditRecord> of().iterator();
        private long lastSeq;
        private boolean exhausted;

        Pages(long afterSeq) {
            this.lastSeq = afterSeq;
        }

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && !exhausted) {
                List<AuditRecord> next = entries.pageAfter(lastSeq, VERIFY_PAGE);
                exhausted = next.size() < VERIFY_PAGE;
                page = next.iterator();
            }
            return page.hasNext();
        }

        @Override
        public AuditRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            AuditRecord record = page.next();
            lastSeq = record.seq();
            return record;
        }
    }

    /** The stored state with its keys sorted, as it was hashed (PostgreSQL prints shorter keys first). */
    private static JsonNode parse(String json) {
        return json == null ? null : CanonicalJson.parse(CanonicalJson.canonicalise(json));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
