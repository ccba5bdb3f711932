/**
 * 审计 The audit log: every change of the system of record, who made it (user name and roles), when, what (an
 * action such as {@code plan.created} on an entity type and id), and the state before and after, as JSON.
 *
 * <h2>Recording</h2>
 * A service that changes something calls, inside its {@code @Transactional} method and after flushing the change,
 *
 * <pre>
 * audit.record("plan.status-changed", "plan", id, Map.of("status", before), Map.of("status", next));
 * </pre>
 *
 * ({@link org.luoshi.task.audit.application.AuditLog#record}). The states are serialised at the call; the entry joins
 * the caller's transaction and is appended, with the transaction's other entries in the order they were recorded,
 * just before it commits: it commits with the change or disappears with it. Without a request (startup or scheduled
 * jobs) the actor is "system".
 *
 * <h2>The chain</h2>
 * Table {@code audit_entry} (migration V4). Each entry's seq is the previous one's plus one, assigned under a
 * transaction-scoped advisory lock, taken and followed by the read of the last entry in one statement
 * ({@code audit_chain_head()}, migration V12), so seq numbers have no gaps and entries commit in seq order. The lock is
 * taken as the transaction's last step, just before its commit (an interposed synchronization): it is held for the
 * head's read, the inserts and the commit, not while the request reads and changes (a service flushes its change
 * before recording it: Quarkus runs Hibernate's commit-time flush after this synchronization). Each entry stores
 * the previous entry's hash and its own: SHA-256 over a canonical serialisation of its fields
 * ({@link org.luoshi.task.audit.domain.AuditChain}, {@link org.luoshi.task.audit.domain.CanonicalJson}), computed
 * from what PostgreSQL gives back, so it can be recomputed at any time. Triggers refuse UPDATE, DELETE and
 * TRUNCATE of the table, even by the application's own role.
 *
 * <h2>Reading</h2>
 * {@code GET /api/audit} lists entries newest first; {@code GET /api/audit/verify} streams the whole chain and
 * names the first entry whose seq, link or hash does not check. Both for supervisors, evaluators and admins.
 *
 * <h2>Limits</h2>
 * The chain shows any change, insertion or removal inside it, but not the removal of its newest entries nor a
 * wholesale rewrite by someone who can also recompute every hash: for that, note the {@code lastSeq} and
 * {@code lastHash} of a verification somewhere the database's users cannot write, and compare later.
 */
package org.luoshi.task.audit;
