package org.luoshi.task.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.domain.AccessPolicy;
import org.luoshi.task.domain.AppliedRequest;
import org.luoshi.task.domain.Caller;
import org.luoshi.task.domain.Plan;
import org.luoshi.task.domain.PlanTask;
import org.luoshi.task.domain.TaskStatus;
import org.luoshi.task.mapping.Acceptance;
import org.luoshi.task.mapping.NewTask;
import org.luoshi.task.mapping.PageView;
import org.luoshi.task.mapping.TaskView;
import org.luoshi.task.repository.AppliedRequestRepository;
import org.luoshi.task.repository.TaskRepository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

@ApplicationScoped
public class TaskService {
    private static final Logger LOG = Logger.getLogger(TaskService.class);
    private static final String ACCEPT = "accept-task";

    @Inject
    TaskRepository tasks;

    @Inject
    AppliedRequestRepository appliedRequests;

    @Inject
    PlanService plans;

    @Inject
    DepartmentService departments;

    @Inject
    CallerFactory callers;

    public PageView<TaskView> list(Long planId, int page, int size) {
        Caller caller = callers.current();
        List<String> restrictTo = caller.seesAllDepartments() ? null : caller.departments();
        PanacheQuery<PlanTask> query = tasks.find(planId, restrictTo);
        // the query applies AccessPolicy's department rule in SQL so that paging and counts stay right
        List<TaskView> items = query.page(page, size).list().stream().map(TaskView::of).toList();
        return new PageView<>(items, page, size, query.count());
    }

    public TaskView get(long id) {
        return TaskView.of(visibleTask(id, callers.current()));
    }

    @Transactional
    public TaskView create(long planId, NewTask request) {
        Caller caller = callers.current();
        Plan plan = plans.visiblePlan(planId, caller);
        if (request.leadDepartmentCode() != null && !departments.exists(request.leadDepartmentCode())) {
            throw new InvalidFieldException("leadDepartmentCode", "no department has the code '" + request.leadDepartmentCode() + "'");
        }
        PlanTask task = new PlanTask();
        task.planId = plan.id;
        task.title = request.title().strip();
        task.leadDepartmentCode = request.leadDepartmentCode();
        task.status = task.leadDepartmentCode == null ? TaskStatus.DRAFT : TaskStatus.ASSIGNED;
        tasks.persistAndFlush(task);
        LOG.infof("%s created task %d '%s' in plan %d, lead %s", caller.username(), task.id, task.title, planId,
                task.leadDepartmentCode);
        return TaskView.of(task);
    }

    /**
     * Records that the lead department accepted the task. Sent by a process step that may be retried: a
     * repeat of the same idempotency key answers the current state and changes nothing.
     */
    @Transactional
    public TaskView accept(long id, String idempotencyKey, Acceptance acceptance) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new InvalidFieldException("Idempotency-Key", "header required, 1 to 200 characters");
        }
        Caller caller = callers.current();
        PlanTask task = visibleTask(id, caller);
        AppliedRequest earlier = appliedRequests.findById(idempotencyKey);
        if (earlier != null) {
            if (!earlier.operation.equals(ACCEPT) || !earlier.targetId.equals(id)) {
                throw new ConflictException("Idempotency-Key " + idempotencyKey + " was already used for another change");
            }
            LOG.infof("%s repeated acceptance %s of task %d: already applied, nothing changed", caller.username(),
                    idempotencyKey, id);
            return TaskView.of(task);
        }
        if (!departments.exists(acceptance.departmentCode())) {
            throw new InvalidFieldException("departmentCode", "no department has the code '" + acceptance.departmentCode() + "'");
        }
        if (task.status == TaskStatus.ACCEPTED) {
            throw new ConflictException("task " + id + " was already accepted by " + task.leadDepartmentCode);
        }
        task.acceptBy(acceptance.departmentCode(), acceptance.acceptedBy(), Instant.now().truncatedTo(ChronoUnit.MICROS));
        AppliedRequest applied = new AppliedRequest();
        applied.idempotencyKey = idempotencyKey;
        applied.operation = ACCEPT;
        applied.targetId = id;
        applied.appliedAt = task.acceptedAt;
        appliedRequests.persist(applied);
        tasks.flush();
        LOG.infof("%s recorded that %s (%s) accepted task %d [%s]", caller.username(), acceptance.acceptedBy(),
                acceptance.departmentCode(), id, idempotencyKey);
        return TaskView.of(task);
    }

    private PlanTask visibleTask(long id, Caller caller) {
        return tasks.findByIdOptional(id).filter(t -> AccessPolicy.canSee(caller, t))
                .orElseThrow(() -> new ResourceNotFoundException("task", id));
    }
}
