package org.luoshi.task.tracking.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.luoshi.task.plan.api.PlanOutline;
import org.luoshi.task.plan.api.PlanView;
import org.luoshi.task.plan.application.PlanService;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanChapter;
import org.luoshi.task.plan.domain.PlanSection;
import org.luoshi.task.plan.persistence.ChapterRepository;
import org.luoshi.task.plan.persistence.SectionRepository;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.shared.domain.Department;
import org.luoshi.task.shared.persistence.DepartmentRepository;
import org.luoshi.task.tracking.api.OverdueMilestones;
import org.luoshi.task.tracking.api.StatusRollup;
import org.luoshi.task.tracking.domain.AccessPolicy;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.StatusLightPolicy;
import org.luoshi.task.tracking.persistence.TaskRepository;

/** A plan's outline and the roll-ups of its tasks' lights by chapter, section and department. */
@ApplicationScoped
public class PlanStructureService {
    @Inject
    PlanService plans;

    @Inject
    ChapterRepository chapters;

    @Inject
    SectionRepository sections;

    @Inject
    TaskRepository tasks;

    @Inject
    DepartmentRepository departments;

    @Inject
    CallerFactory callers;

    @Inject
    BusinessCalendar calendar;

    @Transactional
    public PlanOutline outline(long planId) {
        Plan plan = plans.visiblePlan(planId, callers.current());
        List<PlanSection> planSections = sections.ofPlan(planId);
        Map<Long, Long> tasksPerSection = tasks.list("planId", planId).stream().filter(t -> t.sectionId != null)
                .collect(Collectors.groupingBy(t -> t.sectionId, Collectors.counting()));
        Map<Long, List<PlanSection>> byChapter = planSections.stream().collect(Collectors.groupingBy(s -> s.chapterId));
        List<PlanOutline.Chapter> outline = chapters.ofPlan(planId).stream()
                .map(c -> new PlanOutline.Chapter(c.id, c.number, c.ordinal, c.title, c.context, c.introduction,
                        byChapter.getOrDefault(c.id, List.of()).stream().sorted(Comparator.comparingInt(s -> s.ordinal))
                                .map(s -> new PlanOutline.Section(s.id, s.number, s.ordinal, s.title, s.contextText,
                                        tasksPerSection.getOrDefault(s.id, 0L)))
                                .toList()))
                .toList();
        return new PlanOutline(PlanView.of(plan), plan.preamble, outline);
    }

    /** Counts what the caller may see: staff get their own department's roll-up. */
    @Transactional
    public StatusRollup rollup(long planId) {
        Caller caller = callers.current();
        plans.visiblePlan(planId, caller);
        List<PlanTask> visible = tasks.list("planId", planId).stream().filter(t -> AccessPolicy.canSee(caller, t)).toList();
        return rollup(planId, visible, calendar.today());
    }

    /**
     * 逾期: the open milestones past their due date, of the plan's tasks the caller may see, the latest first (most
     * days late), a page at a time. A task is late by its milestones, not by its own far-off due date.
     */
    @Transactional
    public OverdueMilestones overdue(long planId, int page, int size) {
        Caller caller = callers.current();
        plans.visiblePlan(planId, caller);
        LocalDate today = calendar.today();
        Map<String, String> departmentNames = departments.listAll().stream()
                .collect(Collectors.toMap(d -> d.code, (Department d) -> d.nameZh));
        List<OverdueMilestones.Item> all = tasks.list("planId", planId).stream()
                .filter(t -> AccessPolicy.canSee(caller, t))
                .flatMap(t -> t.milestones.stream().filter(m -> m.isOverdueOn(today))
                        .map(m -> new OverdueMilestones.Item(t.id, t.title, t.leadDepartmentCode,
                                t.leadDepartmentCode == null ? null : departmentNames.get(t.leadDepartmentCode), m.id, m.title,
                                m.dueDate, java.time.temporal.ChronoUnit.DAYS.between(m.dueDate, today))))
                .sorted(Comparator.comparingLong(OverdueMilestones.Item::daysLate).reversed()
                        .thenComparing(OverdueMilestones.Item::taskId).thenComparing(OverdueMilestones.Item::milestoneId))
                .toList();
        long taskCount = all.stream().map(OverdueMilestones.Item::taskId).distinct().count();
        List<OverdueMilestones.Item> items = all.stream().skip((long) page * size).limit(size).toList();
        return new OverdueMilestones(items, page, size, all.size(), taskCount);
    }

    /** The roll-up of the given tasks of a plan on the given day (an evaluation's snapshot uses it too). */
    public StatusRollup rollup(long planId, List<PlanTask> visible, LocalDate today) {
        Map<Long, PlanChapter> chapterById = chapters.ofPlan(planId).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
        Map<Long, PlanSection> sectionById = sections.ofPlan(planId).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        Map<String, String> departmentNames = departments.listAll().stream()
                .collect(Collectors.toMap(d -> d.code, (Department d) -> d.nameZh));

        Tally overall = new Tally();
        Map<String, Tally> byChapter = new TreeMap<>();
        Map<String, Tally> bySection = new TreeMap<>();
        Map<String, Tally> byDepartment = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        for (PlanTask task : visible) {
            StatusLight light = StatusLightPolicy.of(task, today);
            overall.add(light);
            PlanSection section = task.sectionId == null ? null : sectionById.get(task.sectionId);
            PlanChapter chapter = section == null ? null : chapterById.get(section.chapterId);
            if (chapter != null) {
                String chapterKey = String.format("%03d", chapter.ordinal);
                byChapter.computeIfAbsent(chapterKey, k -> new Tally()).add(light);
                labels.put("c" + chapterKey, chapter.number + "、" + chapter.title);
                String sectionKey = chapterKey + "." + String.format("%03d", section.ordinal);
                bySection.computeIfAbsent(sectionKey, k -> new Tally()).add(light);
                labels.put("s" + sectionKey, chapter.number + section.number + section.title);
            }
            String lead = task.leadDepartmentCode == null ? "" : task.leadDepartmentCode;
            byDepartment.computeIfAbsent(lead, k -> new Tally()).add(light);
        }
        List<StatusRollup.Group> departmentGroups = new ArrayList<>();
        byDepartment.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> departmentGroups.add(new StatusRollup.Group(
                e.getKey().isEmpty() ? null : e.getKey(),
                e.getKey().isEmpty() ? "未交办" : departmentNames.getOrDefault(e.getKey(), e.getKey()), e.getValue().counts())));
        return new StatusRollup(planId, today, overall.counts(),
                byChapter.entrySet().stream().map(e -> new StatusRollup.Group(e.getKey(), labels.get("c" + e.getKey()),
                        e.getValue().counts())).toList(),
                bySection.entrySet().stream().map(e -> new StatusRollup.Group(e.getKey(), labels.get("s" + e.getKey()),
                        e.getValue().counts())).toList(),
                departmentGroups);
    }

    private static final class Tally {
        private final Map<StatusLight, Long> counts = new EnumMap<>(StatusLight.class);

        void add(StatusLight light) {
            counts.merge(light, 1L, Long::sum);
        }

        StatusRollup.Counts counts() {
            long green = counts.getOrDefault(StatusLight.GREEN, 0L);
            long yellow = counts.getOrDefault(StatusLight.YELLOW, 0L);
            long red = counts.getOrDefault(StatusLight.RED, 0L);
            long none = counts.getOrDefault(StatusLight.NONE, 0L);
            return new StatusRollup.Counts(green, yellow, red, none, green + yellow + red + none);
        }
    }
}
