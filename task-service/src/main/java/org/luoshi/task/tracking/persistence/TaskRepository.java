package org.luoshi.task.tracking.persistence;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.luoshi.task.tracking.domain.PlanTask;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class TaskRepository implements PanacheRepository<PlanTask> {

    /** How a department relates to a task in a filter. */
    public enum DepartmentRole {
        LEAD, CO, ANY
    }

    /**
     * The criteria SQL can apply; status lights depend on today and are applied by the caller.
     *
     * @param visibleTo null for callers who see every department, else the departments whose tasks (as lead or co)
     *                  the caller may see
     */
    public record Criteria(Long planId, Long chapterId, Long sectionId, String department, DepartmentRole departmentRole,
            LocalDate dueFrom, LocalDate dueTo, String text, List<String> visibleTo) {
    }

    public List<PlanTask> find(Criteria c) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (c.planId() != null) {
            where.append(" and t.planId = :planId");
            params.and("planId", c.planId());
        }
        if (c.sectionId() != null) {
            where.append(" and t.sectionId = :sectionId");
            params.and("sectionId", c.sectionId());
        }
        if (c.chapterId() != null) {
            where.append(" and t.sectionId in (select s.id from PlanSection s where s.chapterId = :chapterId)");
            params.and("chapterId", c.chapterId());
        }
        if (c.department() != null) {
            String lead = "t.leadDepartmentCode = :department";
            String co = ":department member of t.coDepartmentCodes";
            DepartmentRole role = c.departmentRole() == null ? DepartmentRole.ANY : c.departmentRole();
            where.append(switch (role) {
                case LEAD -> " and " + lead;
                case CO -> " and " + co;
                case ANY -> " and (" + lead + " or " + co + ")";
            });
            params.and("department", c.department());
        }
        if (c.visibleTo() != null) {
            where.append(" and (t.leadDepartmentCode in :mine or exists (select 1 from PlanTask v join v.coDepartmentCodes vc"
                    + " where v = t and vc in :mine))");
            params.and("mine", c.visibleTo().isEmpty() ? List.of("") : c.visibleTo());
        }
        if (c.dueFrom() != null) {
            where.append(" and t.dueDate >= :dueFrom");
            params.and("dueFrom", c.dueFrom());
        }
        if (c.dueTo() != null) {
            where.append(" and t.dueDate <= :dueTo");
            params.and("dueTo", c.dueTo());
        }
        if (c.text() != null && !c.text().isBlank()) {
            where.append(" and (lower(t.title) like :text escape '\\' or lower(coalesce(t.sourceText, '')) like :text escape '\\')");
            params.and("text", "%" + escapeLike(c.text().strip().toLowerCase()) + "%");
        }
        return find("from PlanTask t where " + where, params).list();
    }

    public long countInPlan(long planId) {
        return count("planId", planId);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
