package org.luoshi.task.plan.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.plan.domain.PlanSection;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SectionRepository implements PanacheRepository<PlanSection> {
    public List<PlanSection> ofPlan(long planId) {
        return list("chapterId in (select c.id from PlanChapter c where c.planId = ?1)", Sort.by("chapterId").and("ordinal"),
                planId);
    }
}
