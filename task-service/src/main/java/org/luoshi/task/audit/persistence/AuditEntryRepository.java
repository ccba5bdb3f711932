package org.luoshi.task.audit.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.task.audit.domain.AuditChain;
import org.luoshi.task.audit.domain.AuditEntry;
import org.luoshi.task.audit.domain.AuditRecord;
import org.luoshi.task.audit.domain.AuditVisibility;
import org.luoshi.task.audit.domain.CanonicalJson;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * The audit_entry table. Appending and streaming the chain use JDBC: appending needs the advisory lock and exact
 * control of what is written; streaming must not fill a persistence context. Inside a transaction the data source
 * hands out the transaction's own connection, so an entry commits or rolls back with the change it records.
 */
@ApplicationScoped
public class AuditEntryRepository implements PanacheRepositoryBase<AuditEntry, Long> {
    @Inject
    DataSource dataSource;

    /** The last entry's seq and hash when the lock was taken: 0 and 64 zeros for an empty log. */
    public record ChainHead(long seq, String hash) {
    }

    /**
     * Takes the chain's advisory lock ("LuoshiAu" in ASCII) until the current transaction ends, then reads the last
     * entry: one statement, the function {@code audit_chain_head()} (migration V12). The read must start after the
     * lock is held (and so after the previous holder committed or rolled back): under READ COMMITTED a statement sees
     * what was committed when it started, but a VOLATILE function takes a new snapshot for each statement it runs.
     */
    public ChainHead lockHead() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement head = c.prepareStatement("select seq, hash from audit_chain_head()");
                ResultSet rs = head.executeQuery()) {
            rs.next();
            long seq = rs.getLong(1);
            return rs.wasNull() ? new ChainHead(0, AuditChain.ZERO_HASH) : new ChainHead(seq, rs.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock the audit chain", e);
        }
    }

    private static final String INSERT = """
            insert into audit_entry (seq, recorded_at, actor, actor_roles, action, entity_type, entity_id,
                                     before_state, after_state, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?, ?)""";

    public void insert(AuditRecord r) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            bind(insert, r);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not append audit entry " + r.seq(), e);
        }
    }

    /** Appends sealed entries, in seq order, as one JDBC batch (the lock is the caller's, as for {@link #insert}). */
    public void insertAll(List<AuditRecord> records) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (AuditRecord r : records) {
                bind(insert, r);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not append " + records.size() + " audit entries", e);
        }
    }

    private static void bind(PreparedStatement insert, AuditRecord r) throws SQLException {
        insert.setLong(1, r.seq());
        insert.setObject(2, r.recordedAt().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setString(3, r.actor());
        insert.setString(4, r.actorRoles());
        insert.setString(5, r.action());
        insert.setString(6, r.entityType());
        insert.setString(7, r.entityId());
        insert.setString(8, r.before());
        insert.setString(9, r.after());
        insert.setString(10, r.prevHash());
        insert.setString(11, r.hash());
    }

    /**
     * Up to {@code limit} entries after {@code afterSeq}, ascending, as the hash sees them: the jsonb states
     * re-canonicalised from PostgreSQL's text.
     */
    public List<AuditRecord> pageAfter(long afterSeq, int limit) {
        String sql = """
                select seq, recorded_at, actor, actor_roles, action, entity_type, entity_id,
                       before_state::text, after_state::text, prev_hash, hash
                from audit_entry where seq > ? order by seq limit ?""";
        try (Connection c = dataSource.getConnection(); PreparedStatement page = c.prepareStatement(sql)) {
            page.setLong(1, afterSeq);
            page.setInt(2, limit);
            List<AuditRecord> records = new ArrayList<>(limit);
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    records.add(new AuditRecord(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                            canonical(rs.getString(8)), canonical(rs.getString(9)), rs.getString(10), rs.getString(11)));
                }
            }
            return records;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain after seq " + afterSeq, e);
        }
    }

    /** The newest verified checkpoint: the seq and hash of an entry up to which the chain once checked. */
    public Optional<ChainHead> lastCheckpoint() {
        return queryHead("select seq, hash from audit_checkpoint order by seq desc limit 1", null);
    }

    /** The stored hash of one entry, if it exists. */
    public Optional<String> hashAt(long seq) {
        return queryHead("select seq, hash from audit_entry where seq = ?", seq).map(ChainHead::hash);
    }

    /** Notes that the chain checked up to this entry; a second note of the same entry changes nothing. */
    public void checkpoint(long seq, String hash, String verifiedBy) {
        String sql = "insert into audit_checkpoint (seq, hash, verified_at, verified_by) values (?, ?, now(), ?)"
                + " on conflict (seq) do nothing";
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(sql)) {
            insert.setLong(1, seq);
            insert.setString(2, hash);
            insert.setString(3, verifiedBy);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not note the audit checkpoint at seq " + seq, e);
        }
    }

    private Optional<ChainHead> queryHead(String sql, Long seq) {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            if (seq != null) {
                query.setLong(1, seq);
            }
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(new ChainHead(rs.getLong(1), rs.getString(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit chain", e);
        }
    }

    /**
     * Entries matching the filters that are given (null = any), newest first, of entities the reader may see. The
     * visibility is part of the query, so that paging and the total count only what the reader sees.
     */
    public PanacheQuery<AuditEntry> search(String entityType, String entityId, String actor, AuditVisibility visibility) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        restrict(where, params, visibility);
        if (entityType != null) {
            where.append(" and entityType = :entityType");
            params.and("entityType", entityType);
        }
        if (entityId != null) {
            where.append(" and entityId = :entityId");
            params.and("entityId", entityId);
        }
        if (actor != null) {
            where.append(" and actor = :actor");
            params.and("actor", actor);
        }
        return find(where.toString(), Sort.descending("seq"), params);
    }

    /**
     * A draft plan's status as a query literal. The queries below read other contexts' entities by name anyway; naming
     * plan's enum by text keeps the audit context free of a compile-time dependency on plan (ArchitectureTest).
     */
    private static final String DRAFT_PLAN = "org.luoshi.task.plan.domain.PlanStatus.DRAFT";

    /**
     * The entity types whose visibility depends on a draft plan, each with the ids of its entities that belong to a
     * confirmed plan. Entries of an entity that no longer exists (a removed milestone) are visible only to whoever
     * sees drafts: what cannot be traced to a confirmed plan is not shown.
     */
    private static final Map<String, String> OUTSIDE_DRAFTS = Map.of(
            "plan", "select cast(p.id as String) from Plan p where p.status <> " + DRAFT_PLAN,
            "task", "select cast(t.id as String) from PlanTask t where t.plan.status <> " + DRAFT_PLAN,
            "milestone", "select cast(m.id as String) from Milestone m where m.task.plan.status <> " + DRAFT_PLAN,
            "milestone-report", "select r.reportKey from MilestoneReport r, PlanTask rt where rt.id = r.taskId"
                    + " and rt.plan.status <> " + DRAFT_PLAN,
            "evidence", "select cast(e.id as String) from EvidenceFile e, Milestone em where em.id = e.milestoneId"
                    + " and em.task.plan.status <> " + DRAFT_PLAN,
            "indicator", "select cast(i.id as String) from PlanIndicator i, Plan ip where ip.id = i.planId"
                    + " and ip.status <> " + DRAFT_PLAN);

    private static void restrict(StringBuilder where, Parameters params, AuditVisibility visibility) {
        if (!visibility.draftPlans()) {
            params.and("draftBound", OUTSIDE_DRAFTS.keySet());
            StringBuilder visible = new StringBuilder("(entityType not in :draftBound");
            OUTSIDE_DRAFTS.forEach((type, ids) -> visible.append(" or (entityType = '").append(type)
                    .append("' and entityId in (").append(ids).append("))"));
            where.append(" and ").append(visible).append(')');
        }
        if (!visibility.everyEvaluation()) {
            where.append(" and (entityType <> 'evaluation' or entityId in"
                    + " (select cast(v.id as String) from Evaluation v where v.organisationCode = :organisation))");
            params.and("organisation", visibility.organisation() == null ? "" : visibility.organisation());
        }
    }

    private static String canonical(String json) {
        return json == null ? null : CanonicalJson.canonicalise(json);
    }
}
