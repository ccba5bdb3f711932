package org.luoshi.task.plan.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<Plan> {
    public List<Plan> listNewestFirst(boolean includeDrafts) {
        Sort newest = Sort.descending("periodStart").and("id", Sort.Direction.Descending);
        return includeDrafts ? listAll(newest) : list("status != ?1", newest, PlanStatus.DRAFT);
    }
}
