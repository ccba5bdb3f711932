package org.luoshi.task.tracking.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.luoshi.task.plan.application.PlanService;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Department;
import org.luoshi.task.shared.persistence.DepartmentRepository;
import org.luoshi.task.tracking.api.DepartmentAssessment;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy.DatedFact;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy.LightFact;
import org.luoshi.task.tracking.domain.DepartmentAssessmentPolicy.MilestoneFact;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.MilestoneReport;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.ReportKind;
import org.luoshi.task.tracking.domain.ReportStatus;
import org.luoshi.task.tracking.domain.StatusLightPolicy;
import org.luoshi.task.tracking.persistence.MilestoneReportRepository;
import org.luoshi.task.tracking.persistence.TaskRepository;

/** Gathers a plan's milestones, reports and lights and applies {@link DepartmentAssessmentPolicy}. */
@ApplicationScoped
public class DepartmentAssessmentService {

    @Inject
    PlanService plans;

    @Inject
    CallerFactory callers;

    @Inject
    TaskRepository tasks;

    @Inject
    MilestoneReportRepository reports;

    @Inject
    DepartmentRepository departments;

    @Inject
    BusinessCalendar calendar;

    @Transactional
    public DepartmentAssessment assess(long planId, DepartmentAssessmentPolicy.Period period) {
        plans.visiblePlan(planId, callers.current());
        LocalDate today = calendar.today();
        List<PlanTask> planTasks = tasks.list("planId", planId);
        List<Long> taskIds = planTasks.stream().map(t -> t.id).sorted().toList();
        Map<Long, List<MilestoneReport>> leadReportsByMilestone = new java.util.HashMap<>();
        List<DatedFact> returned = new ArrayList<>();
        if (!taskIds.isEmpty()) {
            for (MilestoneReport r : reports.list("taskId in ?1", taskIds)) {
                if (r.status == ReportStatus.REJECTED) {
                    returned.add(new DatedFact(r.departmentCode, r.decidedOn));
                } else if (r.kind == ReportKind.LEAD) {
                    leadReportsByMilestone.computeIfAbsent(r.milestoneId, id -> new ArrayList<>()).add(r);
                }
            }
        }
        List<MilestoneFact> milestones = new ArrayList<>();
        List<LightFact> lights = new ArrayList<>();
        for (PlanTask task : planTasks) {
            if (task.leadDepartmentCode == null) {
                continue;
            }
            lights.add(new LightFact(task.leadDepartmentCode, StatusLightPolicy.of(task, today)));
            for (Milestone m : task.milestones) {
                milestones.add(new MilestoneFact(task.leadDepartmentCode, m.dueDate,
                        reportedOn(m, leadReportsByMilestone.getOrDefault(m.id, List.of()))));
            }
        }
        Map<String, Department> names = departments.listAll().stream()
                .collect(Collectors.toMap(d -> d.code, Function.identity()));
        List<DepartmentAssessment.Row> rows = DepartmentAssessmentPolicy
                .assess(period, today, milestones, returned, lights).values().stream()
                .map(f -> {
                    Optional<Department> d = Optional.ofNullable(names.get(f.department()));
                    return new DepartmentAssessment.Row(f.department(), d.map(x -> x.nameZh).orElse(f.department()),
                            d.map(x -> x.nameEn).orElse(f.department()), f.onTime(), f.late(), f.missing(), f.notDue(),
                            f.averageDaysLate(), f.returned(), f.red(), f.yellow(), f.green());
                })
                .toList();
        return new DepartmentAssessment(planId, period.from(), period.to(), period.asOf(today), taskIds, rows);
    }

    /**
     * The first day the department submitted a lead report not returned (approved or awaiting a decision); for a
     * milestone done without one (台账), the day it was done.
     */
    private LocalDate reportedOn(Milestone m, List<MilestoneReport> leadReports) {
        return leadReports.stream().map(r -> calendar.dayOf(r.submittedAt)).min(Comparator.naturalOrder())
                .orElse(m.isDone() ? m.completedOn : null);
    }
}
