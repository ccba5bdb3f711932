package org.luoshi.task.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.domain.PlanStatus;
import org.luoshi.task.domain.disclosure.DisclosureSchedule;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class DisclosureScheduleRepository implements PanacheRepositoryBase<DisclosureSchedule, Long> {
    /** Enabled schedules of plans in force: the ones the regular disclosure looks at. */
    public List<DisclosureSchedule> enabledInForce() {
        return list("enabled = true and planId in (select p.id from Plan p where p.status = ?1) order by planId",
                PlanStatus.IN_FORCE);
    }
}
