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
import org.luoshi.task.audit.domain.CanonicalJson;
import org.luoshi.task.audit.domain.ChainVerdict;
import org.luoshi.task.audit.persistence.AuditEntryRepository;
import org.luoshi.task.shared.api.PageView;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** Reads the audit log: pages of entries, and the check of the whole chain. */
@ApplicationScoped
public class AuditService {
    /** Entries read per query while verifying: the chain is streamed, never loaded whole. */
    static final int VERIFY_PAGE = 2000;

    @Inject
    AuditEntryRepository entries;

    public PageView<AuditEntryView> list(String entityType, String entityId, String actor, int page, int size) {
        PanacheQuery<AuditEntry> query = entries.search(blankToNull(entityType), blankToNull(entityId), blankToNull(actor));
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
    public AuditVerification verify() {
        return AuditVerification.of(verifyChain());
    }

    public ChainVerdict verifyChain() {
        return AuditChain.verify(new Pages());
    }

    private final class Pages implements Iterator<AuditRecord> {
        private Iterator<AuditRecord> page = List.<AuditRecord> of().iterator();
        private long lastSeq = 0;
        private boolean exhausted;

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
