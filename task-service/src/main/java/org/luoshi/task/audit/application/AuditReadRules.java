package org.luoshi.task.audit.application;

import org.luoshi.task.audit.domain.AuditVisibility;
import org.luoshi.task.shared.domain.Caller;

/**
 * Which entries of the log a reader sees. The log has no rules of its own (see {@link AuditVisibility}): the contexts
 * that own the plans' and the evaluations' visibility answer, so that the audit context depends on none of them.
 */
public interface AuditReadRules {
    AuditVisibility visibilityOf(Caller caller);
}
