package org.luoshi.task.tracking.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.PreconditionFailedException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.plan.application.PlanService;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.domain.PlanAccessPolicy;
import org.luoshi.task.plan.domain.PlanSection;
import org.luoshi.task.plan.domain.PlanStatus;
import org.luoshi.task.plan.persistence.ChapterRepository;
import org.luoshi.task.plan.persistence.SectionRepository;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.application.DepartmentService;
import org.luoshi.task.shared.application.KeyedWrites;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.tracking.api.Acceptance;
import org.luoshi.task.tracking.api.Assignment;
import org.luoshi.task.tracking.api.BulkAssignment;
import org.luoshi.task.tracking.api.BulkMilestones;
import org.luoshi.task.tracking.api.NewTask;
import org.luoshi.task.tracking.api.Reassignment;
import org.luoshi.task.tracking.api.TaskPage;
import org.luoshi.task.tracking.api.TaskQuery;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.api.Withdrawal;
import org.luoshi.task.tracking.domain.AccessPolicy;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.StatusLight;
import org.luoshi.task.tracking.domain.StatusLightPolicy;
import org.luoshi.task.tracking.domain.TaskStatus;
import org.luoshi.task.tracking.persistence.MilestoneRepository;
import org.luoshi.task.tracking.persistence.TaskRepository.DepartmentRole;
import org.luoshi.task.tracking.persistence.TaskRepository;

@ApplicationScoped
public class TaskService {
    private static final Logger LOG = Logger.getLogger(TaskService.class);
    private static final String ACCEPT = "accept-task";
    /** The operation a bulk assignment's Idempotency-Key is recorded for (its target: the plan). */
    private static final String ASSIGN_MANY = "assign-tasks";
    /** The stable code of a 409 refusing what a draft plan does not allow yet. */
    public static final String PLAN_DRAFT = "plan-draft";
    private static final String REASSIGN = "reassign-task";
    private static final String WITHDRAW = "withdraw-task";

    @Inject
    TaskRepository tasks;

    @Inject
    ChapterRepository chapters;

    @Inject
    SectionRepository sections;

    @Inject
    KeyedWrites keyedWrites;

    @Inject
    PlanService plans;

    @Inject
    DepartmentService departments;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    @Inject
    MilestoneService milestoneService;

    @Inject
    MilestoneRepository milestoneRows;

    /**
     * The 台账: the database filters, counts, orders and pages, so that a list costs one page of tasks however many
     * match. Counts per status and light are of the tasks matching the other filters.
     */
    @Transactional
    public TaskPage list(TaskQuery q) {
        Caller caller = callers.current();
        if (q.planId() != null) {
            plans.visiblePlan(q.planId(), caller);
        }
        DepartmentRole role = parseRole(q.departmentRole());
        LocalDate today = calendar.today();
        TaskRepository.Page page = tasks.page(new TaskRepository.Criteria(q.planId(), q.chapterId(), q.sectionId(),
                q.department(), role, q.dueFrom(), q.dueTo(), q.text(), caller.seesAllDepartments() ? null : caller.departments(),
                PlanAccessPolicy.canSeeDraftPlans(caller)), q.statuses(), q.lights(), q.sort(), q.descending(), today,
                (long) q.page() * q.size(), q.size());
        Map<Long, PlanTask> byId = page.ids().isEmpty() ? Map.of()
                : tasks.byIds(page.ids()).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        List<PlanTask> ordered = page.ids().stream().map(byId::get).toList();
        PlanStructure structure = structureOf(ordered);
        List<TaskView> items = ordered.stream().map(t -> TaskViews.of(t, structure, today)).toList();
        return new TaskPage(items, q.page(), q.size(), page.total(), page.byStatus(), page.byLight());
    }

    @Transactional
    public TaskView get(long id) {
        PlanTask task = visibleTask(id, callers.current());
        return view(task);
    }

    /** For other services: the task, if the caller may see it. */
    PlanTask visibleTask(long id, Caller caller) {
        return tasks.findWithPlan(id).filter(t -> AccessPolicy.canSee(caller, t))
                .orElseThrow(() -> new ResourceNotFoundException("task", id));
    }

    TaskView view(PlanTask task) {
        return TaskViews.of(task, structureOf(List.of(task)), calendar.today());
    }

    @Transactional
    public TaskView create(long planId, NewTask request) {
        Caller caller = callers.current();
        Plan plan = plans.visiblePlan(planId, caller);
        requireDepartment("leadDepartmentCode", request.leadDepartmentCode());
        PlanTask task = new PlanTask();
        task.planId = plan.id;
        task.plan = plan;
        task.title = request.title().strip();
        if (request.leadDepartmentCode() != null) {
            task.assignLead(request.leadDepartmentCode());
        }
        tasks.persistAndFlush(task);
        audit.record("task.created", "task", task.id, null, view(task));
        LOG.infof("%s created task %d '%s' in plan %d, lead %s", caller.username(), task.id, task.title, planId,
                task.leadDepartmentCode);
        return view(task);
    }

    /** 交办 one task, if the caller saw its current version. */
    @Transactional
    public TaskView assign(long id, int expectedVersion, Assignment assignment) {
        Caller caller = callers.current();
        PlanTask task = visibleTask(id, caller);
        refuseInDraftPlan(task.planId, task.plan);
        requireVersion(task, expectedVersion);
        validate("", assignment.leadDepartmentCode(), assignment.coDepartmentCodes());
        TaskView before = view(task);
        task.assign(assignment.leadDepartmentCode(), assignment.coDepartmentCodes(), assignment.dueDate());
        tasks.flush();
        TaskView after = view(task);
        audit.record("task.assigned", "task", id, before, after);
        LOG.infof("%s assigned task %d to %s (with %s), due %s", caller.username(), id, task.leadDepartmentCode,
                task.coDepartmentCodes, task.dueDate);
        return after;
    }

    /**
     * 交办 many tasks of a plan at once, each with the milestones it names. Every item is checked first; one wrong item
     * (unknown department, stale version, a task of another plan, a bad milestone) fails the whole batch, naming the
     * item, and nothing is changed. The tasks are locked first, so that of two calls at once the second sees the first's
     * versions; the milestones are added the one bulk way ({@link MilestoneService#insertNew}: one insert, one audit
     * batch, none twice). With an {@code Idempotency-Key}, the same key again answers the tasks as they are now and
     * changes nothing. Tracking starts later, the way it always does: when the lead department accepts the task, or by
     * workflow-service's bulk tracking of the plan's accepted tasks.
     */
    @Transactional
    public List<TaskView> assignMany(long planId, String idempotencyKey, BulkAssignment request) {
        if (idempotencyKey != null) {
            keyedWrites.open(KeyedWrites.HEADER, "idempotency-key", idempotencyKey);
        }
        Caller caller = callers.current();
        refuseInDraftPlan(planId, plans.visiblePlan(planId, caller));
        List<Long> taskIds = request.items().stream().map(BulkAssignment.Item::taskId).distinct().sorted().toList();
        if (idempotencyKey != null && keyedWrites.earlier(idempotencyKey, ASSIGN_MANY, planId).isPresent()) {
            LOG.infof("%s repeated bulk assignment %s of plan %d: nothing changed", caller.username(), idempotencyKey, planId);
            return viewsOf(planId, request, tasksWithMilestones(taskIds));
        }
        List<MilestoneRepository.Present> present = milestoneRows.lockTasksAndReadMilestones(taskIds);
        Map<Long, PlanTask> byId = tasks.list("id in ?1", taskIds).stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        Set<Long> seen = new LinkedHashSet<>();
        List<MilestoneService.Planned> planned = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            BulkAssignment.Item item = request.items().get(i);
            String prefix = "items[" + i + "].";
            PlanTask task = byId.get(item.taskId());
            if (task == null || !task.planId.equals(planId)) {
                throw new InvalidFieldException(prefix + "taskId", "plan " + planId + " has no task " + item.taskId());
            }
            if (!seen.add(item.taskId())) {
                throw new InvalidFieldException(prefix + "taskId", "task " + item.taskId() + " is listed twice");
            }
            if (task.version != item.version()) {
                throw new PreconditionFailedException("task " + item.taskId() + " (items[" + i + "]) changed since version "
                        + item.version() + "; it is now version " + task.version);
            }
            validate(prefix, item.leadDepartmentCode(), item.coDepartmentCodes());
            if (item.milestones() != null) {
                item.milestones().forEach(m -> planned.add(new MilestoneService.Planned(item.taskId(), m.title(), m.dueDate(),
                        m.deliverable(), m.weight())));
            }
        }
        if (planned.size() > BulkMilestones.MAX_MILESTONES) {
            throw new InvalidFieldException("items", "at most " + BulkMilestones.MAX_MILESTONES
                    + " milestones in one request, all items together; " + planned.size() + " given", ViolationCodes.COUNT,
                    Map.of("min", 0, "max", BulkMilestones.MAX_MILESTONES));
        }
        PlanStructure structure = structureOf(new ArrayList<>(byId.values()));
        LocalDate today = calendar.today();
        Map<Long, TaskView> before = new HashMap<>();
        for (BulkAssignment.Item item : request.items()) {
            PlanTask task = byId.get(item.taskId());
            before.put(task.id, TaskViews.of(task, structure, today));
            task.assign(item.leadDepartmentCode(), item.coDepartmentCodes(), item.dueDate());
        }
        tasks.flush();
        MilestoneService.Inserted inserted = milestoneService.insertNew(present, planned);
        // a task whose assignment changed nothing still changed: its milestones did, and its ETag moves on once
        Map<Long, Integer> versionRead = request.items().stream()
                .collect(Collectors.toMap(BulkAssignment.Item::taskId, BulkAssignment.Item::version));
        milestoneRows.touchTasks(inserted.tasks().stream().filter(id -> byId.get(id).version == versionRead.get(id)).toList());
        // the milestones were written past Hibernate: read the tasks again, with them, for the answer and the audit
        List<TaskView> after = inserted.added() == 0
                ? request.items().stream().map(item -> TaskViews.of(byId.get(item.taskId()), structure, today)).toList()
                : viewsOf(planId, request, tasksWithMilestones(taskIds));
        audit.recordAll("task.assigned", "task", after.stream()
                .map(view -> new AuditLog.Change(view.id(), before.get(view.id()), view)).toList());
        if (idempotencyKey != null) {
            keyedWrites.record(idempotencyKey, ASSIGN_MANY, planId, Instant.now());
        }
        LOG.infof("%s assigned %d tasks of plan %d with %d milestones (%d present already)", caller.username(),
                request.items().size(), planId, inserted.added(), planned.size() - inserted.added());
        return after;
    }

    /** These tasks read anew (the persistence context cleared), with their milestones and plans in one query. */
    List<PlanTask> tasksWithMilestones(List<Long> taskIds) {
        tasks.getEntityManager().clear();
        return tasks.list("select distinct t from PlanTask t left join fetch t.plan left join fetch t.milestones where t.id in ?1",
                taskIds);
    }

    /** The views of the request's tasks, in the items' order (a task not of the plan: 404, as a repeat may name one). */
    private List<TaskView> viewsOf(long planId, BulkAssignment request, List<PlanTask> read) {
        Map<Long, PlanTask> byId = read.stream().filter(t -> t.planId == planId)
                .collect(Collectors.toMap(t -> t.id, Function.identity()));
        PlanStructure structure = structureOf(read);
        LocalDate today = calendar.today();
        return request.items().stream().map(item -> Optional.ofNullable(byId.get(item.taskId()))
                .map(task -> TaskViews.of(task, structure, today))
                .orElseThrow(() -> new ResourceNotFoundException("task", item.taskId()))).toList();
    }

    /**
     * Records that the lead department accepted the task. Sent by a process step that may be retried: a
     * repeat of the same idempotency key answers the current state and changes nothing.
     */
    @Transactional
    public TaskView accept(long id, String idempotencyKey, Acceptance acceptance) {
        requireDepartment("departmentCode", acceptance.departmentCode());
        return applyOnce(id, idempotencyKey, ACCEPT, "task.accepted", task -> {
            task.acceptBy(acceptance.departmentCode(), acceptance.acceptedBy(), Instant.now().truncatedTo(ChronoUnit.MICROS));
            return acceptance.acceptedBy() + " (" + acceptance.departmentCode() + ") accepted";
        });
    }

    /**
     * Checks an acceptance without recording it (workflow-service asks before it completes the department's item):
     * what {@link #accept} would refuse, refused the same way; records nothing.
     */
    @Transactional
    public void validateAcceptance(long id, Acceptance acceptance) {
        requireDepartment("departmentCode", acceptance.departmentCode());
        visibleTask(id, callers.current()).requireAcceptable();
    }

    /**
     * 改派: the department it was assigned to returned it, and the supervising office gives it to another department
     * (sent by workflow-service's step recordReassignment, idempotent by key). From then on the new department reads it
     * and the one that returned it no longer does (unless it co-operates on it).
     */
    @Transactional
    public TaskView reassign(long id, String idempotencyKey, Reassignment reassignment) {
        requireDepartment("departmentCode", reassignment.departmentCode());
        return applyOnce(id, idempotencyKey, REASSIGN, "task.reassigned", task -> {
            String from = task.leadDepartmentCode;
            task.reassignTo(reassignment.departmentCode());
            return reassignment.by() + " reassigned from " + from + " to " + reassignment.departmentCode();
        });
    }

    /**
     * 撤回: the department returned it and the supervising office withdraws the assignment (sent by workflow-service's
     * step recordWithdrawal, idempotent by key): the task is no department's any more and waits to be assigned again.
     */
    @Transactional
    public TaskView withdraw(long id, String idempotencyKey, Withdrawal withdrawal) {
        return applyOnce(id, idempotencyKey, WITHDRAW, "task.withdrawn", task -> {
            String from = task.leadDepartmentCode;
            task.withdrawAssignment();
            return withdrawal.by() + " withdrew it from " + from;
        });
    }

    /**
     * One change sent by a process step that may be retried: the same key again answers the current state and changes
     * nothing (a key used for another change or task is refused by {@link KeyedWrites}). {@code change} applies it to
     * the task (the task refuses what breaks its rules) and says what it did, for the log.
     */
    private TaskView applyOnce(long id, String idempotencyKey, String operation, String auditAction,
            Function<PlanTask, String> change) {
        keyedWrites.open(KeyedWrites.HEADER, "idempotency-key", idempotencyKey);
        Caller caller = callers.current();
        PlanTask task = visibleTask(id, caller);
        if (keyedWrites.earlier(idempotencyKey, operation, id).isPresent()) {
            LOG.infof("%s repeated %s %s of task %d: already applied, nothing changed", caller.username(), operation,
                    idempotencyKey, id);
            return view(task);
        }
        TaskView before = view(task);
        String done = change.apply(task);
        keyedWrites.record(idempotencyKey, operation, id, Instant.now().truncatedTo(ChronoUnit.MICROS));
        tasks.flush();
        TaskView after = view(task);
        audit.record(auditAction, "task", id, before, after);
        LOG.infof("%s recorded for task %d: %s [%s]", caller.username(), id, done, idempotencyKey);
        return after;
    }

    /** The sections of these tasks and their chapters, no more: one task's view reads two rows, not its whole plan. */
    public PlanStructure structureOf(List<PlanTask> some) {
        Set<Long> sectionIds = some.stream().map(t -> t.sectionId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (sectionIds.isEmpty()) {
            return new PlanStructure(List.of(), List.of());
        }
        List<PlanSection> ofTasks = sections.byIds(sectionIds);
        Set<Long> chapterIds = ofTasks.stream().map(s -> s.chapterId).collect(Collectors.toSet());
        return new PlanStructure(chapters.byIds(chapterIds), ofTasks);
    }

    /** 交办 hands a confirmed plan's task to a department; a draft is still the supervising office's working copy. */
    private static void refuseInDraftPlan(long planId, Plan plan) {
        if (plan == null || plan.status == PlanStatus.DRAFT) {
            throw new ConflictException(PLAN_DRAFT, "plan " + planId + " is a draft (status DRAFT): confirm it before "
                    + "assigning its tasks");
        }
    }

    static void requireVersion(PlanTask task, int expectedVersion) {
        if (task.version != expectedVersion) {
            throw new PreconditionFailedException("task " + task.id + " changed since version " + expectedVersion
                    + "; it is now version " + task.version + ": read it again");
        }
    }

    private void validate(String prefix, String lead, List<String> co) {
        requireDepartment(prefix + "leadDepartmentCode", lead);
        if (co != null) {
            for (int i = 0; i < co.size(); i++) {
                requireDepartment(prefix + "coDepartmentCodes[" + i + "]", co.get(i));
            }
        }
    }

    private void requireDepartment(String field, String code) {
        if (code != null && !departments.exists(code)) {
            throw new InvalidFieldException(field, "no department has the code '" + code + "'");
        }
    }

    private static DepartmentRole parseRole(String role) {
        if (role == null || role.isBlank()) {
            return DepartmentRole.ANY;
        }
        try {
            return DepartmentRole.valueOf(role.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("departmentRole", "must be one of LEAD, CO, ANY");
        }
    }

}
