package org.luoshi.task.service;

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
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.task.audit.service.AuditLog;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.common.problem.PreconditionFailedException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.config.BusinessCalendar;
import org.luoshi.task.domain.AccessPolicy;
import org.luoshi.task.domain.AppliedRequest;
import org.luoshi.task.domain.Caller;
import org.luoshi.task.domain.Plan;
import org.luoshi.task.domain.PlanTask;
import org.luoshi.task.domain.StatusLight;
import org.luoshi.task.domain.StatusLightPolicy;
import org.luoshi.task.domain.TaskStatus;
import org.luoshi.task.mapping.Acceptance;
import org.luoshi.task.mapping.Assignment;
import org.luoshi.task.mapping.BulkAssignment;
import org.luoshi.task.mapping.NewTask;
import org.luoshi.task.mapping.Reassignment;
import org.luoshi.task.mapping.Withdrawal;
import org.luoshi.task.mapping.TaskPage;
import org.luoshi.task.mapping.TaskQuery;
import org.luoshi.task.mapping.TaskView;
import org.luoshi.task.repository.AppliedRequestRepository;
import org.luoshi.task.repository.IdempotencyLocks;
import org.luoshi.task.repository.ChapterRepository;
import org.luoshi.task.repository.SectionRepository;
import org.luoshi.task.repository.TaskRepository;
import org.luoshi.task.repository.TaskRepository.DepartmentRole;

@ApplicationScoped
public class TaskService {
    private static final Logger LOG = Logger.getLogger(TaskService.class);
    private static final String ACCEPT = "accept-task";
    private static final String REASSIGN = "reassign-task";
    private static final String WITHDRAW = "withdraw-task";

    @Inject
    TaskRepository tasks;

    @Inject
    ChapterRepository chapters;

    @Inject
    SectionRepository sections;

    @Inject
    AppliedRequestRepository appliedRequests;

    @Inject
    IdempotencyLocks idempotencyLocks;

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

    @Transactional
    public TaskPage list(TaskQuery q) {
        Caller caller = callers.current();
        if (q.planId() != null) {
            plans.visiblePlan(q.planId(), caller);
        }
        DepartmentRole role = parseRole(q.departmentRole());
        List<PlanTask> matched = tasks.find(new TaskRepository.Criteria(q.planId(), q.chapterId(), q.sectionId(), q.department(),
                role, q.dueFrom(), q.dueTo(), q.text(), caller.seesAllDepartments() ? null : caller.departments()));
        LocalDate today = calendar.today();
        PlanStructure structure = structureOf(matched);
        Map<Long, StatusLight> lights = new HashMap<>();
        matched.forEach(t -> lights.put(t.id, StatusLightPolicy.of(t, today)));

        Map<TaskStatus, Long> byStatus = new EnumMap<>(TaskStatus.class);
        Map<StatusLight, Long> byLight = new EnumMap<>(StatusLight.class);
        for (TaskStatus s : TaskStatus.values()) {
            byStatus.put(s, 0L);
        }
        for (StatusLight l : StatusLight.values()) {
            byLight.put(l, 0L);
        }
        matched.forEach(t -> {
            byStatus.merge(t.status, 1L, Long::sum);
            byLight.merge(lights.get(t.id), 1L, Long::sum);
        });

        List<PlanTask> filtered = matched.stream()
                .filter(t -> q.statuses() == null || q.statuses().isEmpty() || q.statuses().contains(t.status))
                .filter(t -> q.lights() == null || q.lights().isEmpty() || q.lights().contains(lights.get(t.id)))
                .sorted(order(q.sort(), q.descending(), structure, lights))
                .toList();
        int from = Math.min(q.page() * q.size(), filtered.size());
        int to = Math.min(from + q.size(), filtered.size());
        List<TaskView> items = filtered.subList(from, to).stream().map(t -> TaskViews.of(t, structure, today)).toList();
        return new TaskPage(items, q.page(), q.size(), filtered.size(), byStatus, byLight);
    }

    @Transactional
    public TaskView get(long id) {
        PlanTask task = visibleTask(id, callers.current());
        return view(task);
    }

    /** For other services: the task, if the caller may see it. */
    PlanTask visibleTask(long id, Caller caller) {
        return tasks.findByIdOptional(id).filter(t -> AccessPolicy.canSee(caller, t))
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
        task.title = request.title().strip();
        task.leadDepartmentCode = request.leadDepartmentCode();
        task.status = task.leadDepartmentCode == null ? TaskStatus.DRAFT : TaskStatus.ASSIGNED;
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
        requireVersion(task, expectedVersion);
        validate("", assignment.leadDepartmentCode(), assignment.coDepartmentCodes());
        TaskView before = view(task);
        apply(task, assignment.leadDepartmentCode(), assignment.coDepartmentCodes(), assignment.dueDate());
        tasks.flush();
        TaskView after = view(task);
        audit.record("task.assigned", "task", id, before, after);
        LOG.infof("%s assigned task %d to %s (with %s), due %s", caller.username(), id, task.leadDepartmentCode,
                task.coDepartmentCodes, task.dueDate);
        return after;
    }

    /**
     * 交办 many tasks of a plan at once. Every item is checked first; one wrong item (unknown department, stale
     * version, a task of another plan) fails the whole batch, naming the item, and nothing is changed.
     */
    @Transactional
    public List<TaskView> assignMany(long planId, BulkAssignment request) {
        Caller caller = callers.current();
        plans.visiblePlan(planId, caller);
        Map<Long, PlanTask> byId = tasks.list("id in ?1", request.items().stream().map(BulkAssignment.Item::taskId).toList())
                .stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        Set<Long> seen = new LinkedHashSet<>();
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
        }
        PlanStructure structure = structureOf(new ArrayList<>(byId.values()));
        LocalDate today = calendar.today();
        Map<Long, TaskView> before = new HashMap<>();
        List<PlanTask> changed = new ArrayList<>();
        for (BulkAssignment.Item item : request.items()) {
            PlanTask task = byId.get(item.taskId());
            before.put(task.id, TaskViews.of(task, structure, today));
            apply(task, item.leadDepartmentCode(), item.coDepartmentCodes(), item.dueDate());
            changed.add(task);
        }
        tasks.flush();
        List<TaskView> after = changed.stream().map(t -> TaskViews.of(t, structure, today)).toList();
        after.forEach(view -> audit.record("task.assigned", "task", view.id(), before.get(view.id()), view));
        LOG.infof("%s assigned %d tasks of plan %d", caller.username(), changed.size(), planId);
        return after;
    }

    /**
     * Records that the lead department accepted the task. Sent by a process step that may be retried: a
     * repeat of the same idempotency key answers the current state and changes nothing.
     */
    @Transactional
    public TaskView accept(long id, String idempotencyKey, Acceptance acceptance) {
        requireDepartment("departmentCode", acceptance.departmentCode());
        return applyOnce(id, idempotencyKey, ACCEPT, "task.accepted", task -> {
            if (task.status == TaskStatus.ACCEPTED || task.status == TaskStatus.COMPLETED) {
                throw new ConflictException("task " + id + " was already accepted by " + task.leadDepartmentCode);
            }
            task.acceptBy(acceptance.departmentCode(), acceptance.acceptedBy(), Instant.now().truncatedTo(ChronoUnit.MICROS));
            return acceptance.acceptedBy() + " (" + acceptance.departmentCode() + ") accepted";
        });
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
            requireWaitingForAcceptance(task);
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
            requireWaitingForAcceptance(task);
            String from = task.leadDepartmentCode;
            task.withdrawAssignment();
            return withdrawal.by() + " withdrew it from " + from;
        });
    }

    private static void requireWaitingForAcceptance(PlanTask task) {
        if (task.status != TaskStatus.ASSIGNED) {
            throw new ConflictException("task " + task.id + " is " + task.status + ", not waiting to be accepted");
        }
    }

    /**
     * One change sent by a process step that may be retried: the same idempotency key again answers the current
     * state and changes nothing; a key used for another change or task is a conflict. {@code change} applies it to
     * the task (or refuses) and says what it did, for the log.
     */
    private TaskView applyOnce(long id, String idempotencyKey, String operation, String auditAction,
            Function<PlanTask, String> change) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new InvalidFieldException("Idempotency-Key", "header required, 1 to 200 characters", ViolationCodes.REQUIRED);
        }
        idempotencyLocks.lock("idempotency-key", idempotencyKey);
        Caller caller = callers.current();
        PlanTask task = visibleTask(id, caller);
        AppliedRequest earlier = appliedRequests.findById(idempotencyKey);
        if (earlier != null) {
            if (!earlier.operation.equals(operation) || !earlier.targetId.equals(id)) {
                throw new ConflictException("Idempotency-Key " + idempotencyKey + " was already used for another change");
            }
            LOG.infof("%s repeated %s %s of task %d: already applied, nothing changed", caller.username(), operation,
                    idempotencyKey, id);
            return view(task);
        }
        TaskView before = view(task);
        String done = change.apply(task);
        AppliedRequest applied = new AppliedRequest();
        applied.idempotencyKey = idempotencyKey;
        applied.operation = operation;
        applied.targetId = id;
        applied.appliedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        appliedRequests.persist(applied);
        tasks.flush();
        TaskView after = view(task);
        audit.record(auditAction, "task", id, before, after);
        LOG.infof("%s recorded for task %d: %s [%s]", caller.username(), id, done, idempotencyKey);
        return after;
    }

    PlanStructure structureOf(List<PlanTask> some) {
        Set<Long> planIds = some.stream().map(t -> t.planId).collect(Collectors.toSet());
        if (planIds.isEmpty()) {
            return new PlanStructure(List.of(), List.of());
        }
        return new PlanStructure(chapters.list("planId in ?1", planIds),
                sections.list("chapterId in (select c.id from PlanChapter c where c.planId in ?1)", planIds));
    }

    static void requireVersion(PlanTask task, int expectedVersion) {
        if (task.version != expectedVersion) {
            throw new PreconditionFailedException("task " + task.id + " changed since version " + expectedVersion
                    + "; it is now version " + task.version + ": read it again");
        }
    }

    private void apply(PlanTask task, String lead, List<String> co, LocalDate due) {
        task.leadDepartmentCode = lead;
        task.coDepartmentCodes.clear();
        if (co != null) {
            co.stream().filter(c -> !c.equals(lead)).forEach(task.coDepartmentCodes::add);
        }
        task.dueDate = due;
        if (task.status == TaskStatus.DRAFT) {
            task.status = TaskStatus.ASSIGNED;
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

    private static Comparator<PlanTask> order(String sort, boolean descending, PlanStructure structure,
            Map<Long, StatusLight> lights) {
        Comparator<PlanTask> byReference = Comparator.comparingLong(structure::orderKey);
        Comparator<PlanTask> primary = switch (sort == null || sort.isBlank() ? "reference" : sort) {
            case "reference" -> byReference;
            case "dueDate" -> Comparator.comparing((PlanTask t) -> t.dueDate, Comparator.nullsLast(Comparator.naturalOrder()));
            case "title" -> Comparator.comparing((PlanTask t) -> t.title);
            case "status" -> Comparator.comparing((PlanTask t) -> t.status);
            case "light" -> Comparator.comparing((PlanTask t) -> lightSeverity(lights.get(t.id)));
            default -> throw new InvalidFieldException("sort", "must be one of reference, dueDate, title, status, light");
        };
        Comparator<PlanTask> ordered = descending ? primary.reversed() : primary;
        return ordered.thenComparing(byReference).thenComparingLong(t -> t.id);
    }

    /** Red first: what needs attention. */
    private static int lightSeverity(StatusLight light) {
        return switch (light) {
            case RED -> 0;
            case YELLOW -> 1;
            case GREEN -> 2;
            case NONE -> 3;
        };
    }
}
