package org.luoshi.task.tracking.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.tracking.domain.Milestone;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class MilestoneRepository implements PanacheRepository<Milestone> {
    /**
     * The milestone with its task and the task's plan, in one query: the visibility check reads both, and loading them
     * one by one cost three round trips on every milestone write (a report, a decision, a tracking mark).
     */
    public Optional<Milestone> findWithTask(long id) {
        // "=" rather than withTasks' "in": a list parameter makes Hibernate translate the query anew on every call
        return find("from Milestone m join fetch m.task t left join fetch t.plan where m.id = ?1", id).firstResultOptional();
    }

    /** {@link #findWithTask} for many ids, in one query; the ones that do not exist are missing from the answer. */
    public List<Milestone> withTasks(Collection<Long> ids) {
        return list("from Milestone m join fetch m.task t left join fetch t.plan where m.id in ?1", ids);
    }

    /** The ordinal after the task's last milestone, without loading its milestones. */
    public int nextOrdinal(long taskId) {
        Integer highest = getEntityManager()
                .createQuery("select max(m.ordinal) from Milestone m where m.task.id = ?1", Integer.class)
                .setParameter(1, taskId).getSingleResult();
        return highest == null ? 1 : highest + 1;
    }
}
