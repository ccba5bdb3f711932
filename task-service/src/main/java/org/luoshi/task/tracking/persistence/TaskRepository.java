package org.luoshi.task.tracking.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.persistence.TypedQuery;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.tracking.domain.MilestoneStatus;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.StatusLightPolicy;
import org.luoshi.task.tracking.domain.TaskStatus;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class TaskRepository implements PanacheRepository<PlanTask> {

    /** The task with its plan in one query: its visibility depends on the plan's status. */
    public java.util.Optional<PlanTask> findWithPlan(long id) {
        return find("from PlanTask t left join fetch t.plan where t.id = ?1", id).firstResultOptional();
    }

    /** A task with what the start of a milestone's tracking answers besides: its chapter's and section's numbers. */
    public record ForTracking(PlanTask task, String chapterNumber, String sectionNumber) {
    }

    /**
     * {@link #findWithPlan} with the task's co-departments and its chapter's and section's numbers (null for a task
     * outside a section), in one statement: all that adding a tracked milestone checks and answers, so the milestone
     * just inserted need not be read back with its task.
     */
    public java.util.Optional<ForTracking> findForTracking(long id) {
        List<Object[]> rows = getEntityManager().createQuery("select t, c.number, s.number from PlanTask t"
                + " left join fetch t.plan left join fetch t.coDepartmentCodes"
                + " left join PlanSection s on s.id = t.sectionId left join PlanChapter c on c.id = s.chapterId"
                + " where t.id = ?1", Object[].class).setParameter(1, id)
                // read-only: the addition changes the task by SQL alone (its version), so the flush has nothing to compare
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultList();
        // a row per co-department, each with the same task (its collection filled from all of them)
        return rows.stream().findFirst().map(row -> new ForTracking((PlanTask) row[0], (String) row[1], (String) row[2]));
    }

    /** How a department relates to a task in a filter. */
    public enum DepartmentRole {
        LEAD, CO, ANY
    }

    /**
     * The criteria SQL can apply; status lights depend on today and are applied by the caller.
     *
     * @param visibleTo null for callers who see every department, else the departments whose tasks (as lead or co)
     *                  the caller may see
     * @param draftPlans whether tasks of plans in draft are included (only for whoever sees draft plans)
     */
    public record Criteria(Long planId, Long chapterId, Long sectionId, String department, DepartmentRole departmentRole,
            LocalDate dueFrom, LocalDate dueTo, String text, List<String> visibleTo, boolean draftPlans) {
    }

    /** A page of the tasks matching the criteria, the total after the status and light filters, and the counts before. */
    public record Page(List<Long> ids, long total, Map<TaskStatus, Long> byStatus, Map<StatusLight, Long> byLight) {
    }

    /**
     * The criteria with the status and light filters, counted and paged by the database: only the ids of the page
     * leave it. The light is {@link StatusLightPolicy} computed in the query for {@code today} (the policy is the
     * rule; this expression follows it, and TaskLedgerTest compares the two).
     *
     * @param sort reference (the plan's order), dueDate, title, status or light; ties in the plan's order, then by id
     */
    public Page page(Criteria c, Collection<TaskStatus> statuses, Collection<StatusLight> lights, String sort,
            boolean descending, LocalDate today, long first, int max) {
        Parameters params = new Parameters();
        String where = where(c, params);
        String light = lightExpression(today);
        StringBuilder filter = new StringBuilder("1 = 1");
        if (statuses != null && !statuses.isEmpty()) {
            filter.append(" and t.status in ").append(padded("wantedStatus", statuses.stream().distinct().toList(), TaskStatus.values().length, params));
        }
        if (lights != null && !lights.isEmpty()) {
            filter.append(" and ").append(light).append(" in ")
                    .append(padded("wantedLight", lights.stream().distinct().map(Enum::name).toList(), StatusLight.values().length, params));
        }

        StringBuilder counts = new StringBuilder("select sum(case when ").append(filter).append(" then 1 else 0 end)");
        for (TaskStatus status : TaskStatus.values()) {
            counts.append(", sum(case when t.status = ").append(literal(status)).append(" then 1 else 0 end)");
        }
        for (StatusLight l : StatusLight.values()) {
            counts.append(", sum(case when ").append(light).append(" = '").append(l.name()).append("' then 1 else 0 end)");
        }
        counts.append(" from PlanTask t where ").append(where);
        Object[] row = bind(getEntityManager().createQuery(counts.toString(), Object[].class), params).getSingleResult();
        long total = number(row[0]);
        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        Map<StatusLight, Long> byLight = new EnumMap<>(StatusLight.class);
        int column = 1;
        for (TaskStatus status : TaskStatus.values()) {
            byStatus.put(status, number(row[column++]));
        }
        for (StatusLight l : StatusLight.values()) {
            byLight.put(l, number(row[column++]));
        }
        if (total == 0 || first >= total) {
            return new Page(List.of(), total, byStatus, byLight);
        }

        String reference = "case when c.id is null then 1 else 0 end %1$s, c.ordinal %1$s, s.ordinal %1$s, coalesce(t.ordinal, 0) %1$s";
        String direction = descending ? "desc" : "asc";
        String order = switch (sort == null || sort.isBlank() ? "reference" : sort) {
            case "reference" -> String.format(reference, direction);
            case "dueDate" -> "t.dueDate " + direction + (descending ? " nulls first" : " nulls last");
            case "title" -> "t.title " + direction;
            case "status" -> "case t.status when " + literal(TaskStatus.DRAFT) + " then 0 when " + literal(TaskStatus.ASSIGNED)
                    + " then 1 when " + literal(TaskStatus.ACCEPTED) + " then 2 else 3 end " + direction;
            case "light" -> "case " + light + " when 'RED' then 0 when 'YELLOW' then 1 when 'GREEN' then 2 else 3 end " + direction;
            default -> throw new InvalidFieldException("sort", "must be one of reference, dueDate, title, status, light",
                    ViolationCodes.ONE_OF, Map.of("allowed", "reference, dueDate, title, status, light"));
        };
        String ids = "select t.id from PlanTask t left join PlanSection s on s.id = t.sectionId"
                + " left join PlanChapter c on c.id = s.chapterId where " + where + " and " + filter
                + " order by " + order + ", " + String.format(reference, "asc") + ", t.id asc";
        List<Long> page = bind(getEntityManager().createQuery(ids, Long.class), params)
                .setFirstResult((int) Math.min(first, Integer.MAX_VALUE)).setMaxResults(max).getResultList();
        return new Page(page, total, byStatus, byLight);
    }

    /**
     * {@link StatusLightPolicy} as a query expression over {@code PlanTask t}. Its values are literals, not parameters:
     * the counts select it, and Hibernate caches no translation of a query with a parameter in its select clause (such a
     * parameter may be bound to a list). The dates change the query's text once a day.
     */
    private static String lightExpression(LocalDate today) {
        String todayLiteral = "{d '" + today + "'}";
        String horizon = "{d '" + today.plusDays(StatusLightPolicy.WARNING_DAYS) + "'}";
        String openMilestoneDue = "exists (select 1 from Milestone m where m.task = t and m.status <> "
                + literal(MilestoneStatus.DONE) + " and m.dueDate %s)";
        return "(case when t.status = " + literal(TaskStatus.COMPLETED) + " then 'GREEN'"
                + " when t.dueDate is null and not exists (select 1 from Milestone m where m.task = t) then 'NONE'"
                + " when t.dueDate < " + todayLiteral + " or " + String.format(openMilestoneDue, "< " + todayLiteral) + " then 'RED'"
                + " when t.dueDate <= " + horizon + " or " + String.format(openMilestoneDue, "<= " + horizon) + " then 'YELLOW'"
                + " else 'GREEN' end)";
    }

    /** An enum value as an HQL literal. */
    private static String literal(Enum<?> value) {
        return value.getDeclaringClass().getName() + "." + value.name();
    }

    /**
     * {@code (:name0, …, :name<size-1>)}, the values bound one a parameter and the rest repeating the first: the query's
     * text and parameters do not depend on how many values are chosen, so Hibernate translates it once (a list bound to
     * one parameter is translated anew on every call). {@code size} is the number of distinct values there can be.
     */
    private static String padded(String name, List<?> values, int size, Parameters params) {
        StringBuilder list = new StringBuilder("(");
        for (int i = 0; i < size; i++) {
            list.append(i == 0 ? ":" : ", :").append(name).append(i);
            params.and(name + i, values.get(i < values.size() ? i : 0));
        }
        return list.append(")").toString();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Parameters params) {
        params.map().forEach((name, value) -> {
            if (query.getParameters().stream().anyMatch(p -> name.equals(p.getName()))) {
                query.setParameter(name, value);
            }
        });
        return query;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The where clause of the criteria over {@code PlanTask t}, its parameters added to {@code params}. */
    private static String where(Criteria c, Parameters params) {
        StringBuilder where = new StringBuilder("1 = 1");
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
            // one array parameter, not a list: a query bound to a list is translated anew on every call
            where.append(" and (array_contains(:mine, t.leadDepartmentCode) or exists (select 1 from PlanTask v"
                    + " join v.coDepartmentCodes vc where v = t and array_contains(:mine, cast(vc as String))))");
            params.and("mine", c.visibleTo().toArray(String[]::new));
        }
        if (!c.draftPlans()) {
            where.append(" and t.planId not in (select p.id from Plan p where p.status = :draft)");
            params.and("draft", PlanStatus.DRAFT);
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
        return where.toString();
    }

    /**
     * These ids' tasks, through the session, in one statement whose SQL does not depend on how many ids there are (a
     * query with {@code in ?1} is translated anew on every call).
     */
    public List<PlanTask> byIds(Collection<Long> ids) {
        return getEntityManager().unwrap(Session.class).byMultipleIds(PlanTask.class)
                .multiLoad(new ArrayList<>(ids)).stream().filter(Objects::nonNull).toList();
    }

    public long countInPlan(long planId) {
        return count("planId", planId);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
