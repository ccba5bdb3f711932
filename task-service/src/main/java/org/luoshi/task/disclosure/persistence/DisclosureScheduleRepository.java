package org.luoshi.task.disclosure.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.disclosure.domain.DisclosureSchedule;
import org.luoshi.task.plan.domain.PlanStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DisclosureScheduleRepository implements PanacheRepositoryBase<DisclosureSchedule, Long> {
    /** Enabled schedules of plans in force: the ones the regular disclosure looks at. */
    public List<DisclosureSchedule> enabledInForce() {
        return list("enabled = true and planId in (select p.id from Plan p where p.status = ?1) order by planId",
                PlanStatus.IN_FORCE);
    }
}
