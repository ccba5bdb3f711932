package org.luoshi.task.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.Plan;
import org.luoshi.task.domain.PlanStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PlanRepository implements PanacheRepository<Plan> {
    public List<Plan> listNewestFirst(boolean includeDrafts) {
        Sort newest = Sort.descending("periodStart").and("id", Sort.Direction.Descending);
        return includeDrafts ? listAll(newest) : list("status != ?1", newest, PlanStatus.DRAFT);
    }
}
