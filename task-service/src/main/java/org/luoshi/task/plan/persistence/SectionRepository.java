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
     * The numbers of a section's chapter and of the section ({"三", "（一）"}), in one statement of two columns: where a
     * single task's place in the plan is all that is wanted, without loading the section and chapter entities.
     * Empty when there is no such section.
     */
    public java.util.Optional<String[]> numbersOf(long sectionId) {
        return getEntityManager().createQuery(
                "select c.number, s.number from PlanSection s, PlanChapter c where s.id = ?1 and c.id = s.chapterId",
                Object[].class).setParameter(1, sectionId).getResultStream().findFirst()
                .map(row -> new String[] { (String) row[0], (String) row[1] });
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
