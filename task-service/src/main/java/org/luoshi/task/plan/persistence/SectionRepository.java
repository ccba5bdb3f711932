package org.luoshi.task.plan.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;
import org.luoshi.task.plan.domain.PlanSection;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SectionRepository implements PanacheRepository<PlanSection> {
    public List<PlanSection> ofPlan(long planId) {
        return list("chapterId in (select c.id from PlanChapter c where c.planId = ?1)", Sort.by("chapterId").and("ordinal"),
                planId);
    }

    /**
     * These ids' rows, through the session (those already loaded are not read again) in one statement whose SQL does not
     * depend on how many ids there are: a query with {@code in ?1} is translated anew on every call.
     */
    public List<PlanSection> byIds(Collection<Long> ids) {
        return getEntityManager().unwrap(Session.class).byMultipleIds(PlanSection.class)
                .multiLoad(new ArrayList<>(ids)).stream().filter(Objects::nonNull).toList();
    }
}
