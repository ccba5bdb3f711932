package org.luoshi.task.indicator.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.indicator.domain.PlanIndicator;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepository<PlanIndicator> {
    public List<PlanIndicator> ofPlan(long planId) {
        return list("planId", Sort.by("ordinal"), planId);
    }
}
