package org.luoshi.task.audit.domain;

import org.luoshi.task.shared.domain.Caller;

/**
 * What a caller may read of the audit log. The rules are those of the entities the log describes, owned by contexts
 * above the log; one of them implements this so that the log depends on none of them.
 */
public interface AuditReaders {

    AuditVisibility visibilityOf(Caller caller);
}
