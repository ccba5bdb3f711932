package org.luoshi.task.plan.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.plan.domain.PlanChapter;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ChapterRepository implements PanacheRepository<PlanChapter> {
    public List<PlanChapter> ofPlan(long planId) {
        return list("planId", Sort.by("ordinal"), planId);
    }
}
