package org.luoshi.task.disclosure.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.disclosure.domain.DisclosureSnapshot;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class DisclosureSnapshotRepository implements PanacheRepository<DisclosureSnapshot> {
    private static final Sort NEWEST_FIRST = Sort.descending("asOf", "publishedAt", "id");

    /** The id of the next snapshot, taken before its content is written so that the content can name it. */
    public long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('disclosure_snapshot_id_seq')")
                .getSingleResult()).longValue();
    }

    public List<DisclosureSnapshot> ofPlanNewestFirst(long planId) {
        return list("planId", NEWEST_FIRST, planId);
    }

    public Optional<DisclosureSnapshot> latestOfPlan(long planId) {
        return find("planId", NEWEST_FIRST, planId).firstResultOptional();
    }

    public Optional<DisclosureSnapshot> ofEvaluation(long evaluationId) {
        return find("evaluationId", evaluationId).firstResultOptional();
    }

    public Optional<DisclosureSnapshot> scheduledFor(long planId, String periodKey) {
        return find("planId = ?1 and periodKey = ?2", planId, periodKey).firstResultOptional();
    }

    /** The newest snapshot of every plan that has one, newest plan activity first. */
    public List<DisclosureSnapshot> latestOfEveryPlan() {
        return list("""
                id in (select max(s.id) from DisclosureSnapshot s
                       where s.asOf = (select max(t.asOf) from DisclosureSnapshot t where t.planId = s.planId)
                       group by s.planId)""", Sort.descending("asOf", "id"));
    }

    public long countOfPlan(long planId) {
        return count("planId", planId);
    }
}
