package org.luoshi.task.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.PlanTask;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TaskRepository implements PanacheRepository<PlanTask> {
    /**
     * Tasks of a plan (or of all plans when planId is null), restricted to the given lead departments
     * unless departments is null.
     */
    public PanacheQuery<PlanTask> find(Long planId, List<String> departments) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (planId != null) {
            where.append(" and planId = :planId");
            params.and("planId", planId);
        }
        if (departments != null) {
            where.append(" and leadDepartmentCode in :departments");
            params.and("departments", departments.isEmpty() ? List.of("") : departments);
        }
        return find(where.toString(), Sort.by("id"), params);
    }
}
