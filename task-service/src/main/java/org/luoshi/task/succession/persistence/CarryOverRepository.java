package org.luoshi.task.succession.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.succession.domain.CarryOver;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CarryOverRepository implements PanacheRepositoryBase<CarryOver, Long> {
    public List<CarryOver> ofOldPlan(long oldPlanId) {
        return list("oldPlanId = ?1 order by oldTaskId", oldPlanId);
    }
}
