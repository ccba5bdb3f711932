package org.luoshi.task.tracking.application;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.plan.domain.Plan;
import org.luoshi.task.plan.persistence.PlanRepository;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.application.DepartmentService;
import org.luoshi.task.shared.application.KeyedWrites;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.tracking.api.Adjustment;
import org.luoshi.task.tracking.api.AdjustmentResult;
import org.luoshi.task.tracking.api.TaskRevisionView;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.domain.AccessPolicy;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.domain.TaskRevision;
import org.luoshi.task.tracking.persistence.TaskRepository;
import org.luoshi.task.tracking.persistence.TaskRevisionRepository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 动态调整: an approved adjustment changes the task and its milestones and is kept as a new revision of the task,
 * with the task before and after. Revision 0, the task as it stood before its first adjustment, is kept too.
 */
@ApplicationScoped
public class AdjustmentService {
    private static final Logger LOG = Logger.getLogger(AdjustmentService.class);

    @Inject
    TaskRepository taskRepository;

    @Inject
    PlanRepository plans;

    @Inject
    TaskRevisionRepository revisions;

    @Inject
    TaskService tasks;

    @Inject
    DepartmentService departments;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    KeyedWrites keyedWrites;

    @Inject
    ObjectMapper json;

    @Transactional
    public AdjustmentResult apply(String adjustmentKey, Adjustment request) {
        keyedWrites.open("adjustmentKey", "adjustment", adjustmentKey);
        Caller caller = callers.current();
        TaskRevision earlier = revisions.find("adjustmentKey", adjustmentKey).firstResult();
        if (earlier != null) {
            if (!earlier.taskId.equals(request.taskId())) {
                throw new ConflictException("adjustment key " + adjustmentKey + " was already used for another task");
            }
            LOG.infof("%s repeated adjustment %s of task %d: already applied, nothing changed", caller.username(), adjustmentKey,
                    request.taskId());
            return result(earlier);
        }
        // locked: two adjustments of one task apply one after the other, each on the other's result
        PlanTask task = taskRepository.findByIdOptional(request.taskId(), LockModeType.PESSIMISTIC_WRITE)
                .filter(t -> AccessPolicy.canSee(caller, t))
                .orElseThrow(() -> new ResourceNotFoundException("task", request.taskId()));
        validate(task, request);

        TaskView before = tasks.view(task);
        int latest = revisions.find("taskId = ?1 order by revision desc", task.id).firstResultOptional().map(r -> r.revision)
                .orElse(-1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (latest < 0) {
            TaskRevision original = new TaskRevision();
            original.taskId = task.id;
            original.revision = 0;
            original.recordedAt = now;
            original.afterView = write(before);
            revisions.persist(original);
            latest = 0;
        }
        change(task, request);
        taskRepository.flush();
        TaskView after = tasks.view(task);

        TaskRevision revision = new TaskRevision();
        revision.taskId = task.id;
        revision.revision = latest + 1;
        revision.adjustmentKey = adjustmentKey;
        revision.reasonCategory = request.reasonCategory();
        revision.justification = request.justification().strip();
        revision.requestedBy = request.requestedBy().strip();
        revision.reviewedBy = request.reviewedBy().strip();
        revision.approvedBy = request.approvedBy().strip();
        revision.recordedAt = now;
        revision.beforeView = write(before);
        revision.afterView = write(after);
        revisions.persistAndFlush(revision);
        AdjustmentResult result = new AdjustmentResult(adjustmentKey, task.id, revision.revision, before, after);
        audit.record("task.adjusted", "task", task.id, before, after);
        LOG.infof("%s applied adjustment %s (%s, requested by %s, approved by %s) to task %d: revision %d", caller.username(),
                adjustmentKey, request.reasonCategory(), revision.requestedBy, revision.approvedBy, task.id, revision.revision);
        return result;
    }

    /**
     * Checks an adjustment without applying it (workflow-service asks when it is requested and when it is approved):
     * what {@link #apply} would refuse, refused the same way; changes nothing.
     */
    @Transactional
    public void validate(Adjustment request) {
        Caller caller = callers.current();
        PlanTask task = taskRepository.findByIdOptional(request.taskId()).filter(t -> AccessPolicy.canSee(caller, t))
                .orElseThrow(() -> new ResourceNotFoundException("task", request.taskId()));
        validate(task, request);
    }

    @Transactional
    public List<TaskRevisionView> revisions(long taskId) {
        PlanTask task = tasks.visibleTask(taskId, callers.current());
        return revisions.list("taskId = ?1 order by revision", task.id).stream().map(this::view).toList();
    }

    private void validate(PlanTask task, Adjustment request) {
        Plan plan = plans.findById(task.planId);
        LocalDate periodStart = LocalDate.of(plan.periodStart, 1, 1);
        boolean changes = false;
        if (request.newDueDate() != null) {
            if (request.newDueDate().isBefore(periodStart)) {
                throw new InvalidFieldException("newDueDate", "must not be before the plan's period starts (" + periodStart + ")");
            }
            changes |= !request.newDueDate().equals(task.dueDate);
        }
        Map<Long, LocalDate> dates = request.milestoneDueDates() == null ? Map.of() : new TreeMap<>(request.milestoneDueDates());
        for (Map.Entry<Long, LocalDate> e : dates.entrySet()) {
            String field = "milestoneDueDates." + e.getKey();
            Milestone milestone = milestoneOf(task, e.getKey());
            if (milestone == null) {
                throw new InvalidFieldException(field, "task " + task.id + " has no milestone " + e.getKey());
            }
            if (e.getValue() == null) {
                throw new InvalidFieldException(field, "a milestone needs a due date");
            }
            if (e.getValue().isBefore(periodStart)) {
                throw new InvalidFieldException(field, "must not be before the plan's period starts (" + periodStart + ")");
            }
            if (milestone.isDone() && !e.getValue().equals(milestone.dueDate)) {
                throw new InvalidFieldException(field, "milestone " + milestone.id + " is already done");
            }
            changes |= !e.getValue().equals(milestone.dueDate);
        }
        if (request.newLeadDepartmentCode() != null) {
            if (!departments.exists(request.newLeadDepartmentCode())) {
                throw new InvalidFieldException("newLeadDepartmentCode",
                        "no department has the code '" + request.newLeadDepartmentCode() + "'");
            }
            changes |= !request.newLeadDepartmentCode().equals(task.leadDepartmentCode);
        }
        if (request.newTitle() != null) {
            if (request.newTitle().isBlank()) {
                throw new InvalidFieldException("newTitle", "must not be blank; leave it out to keep the title", ViolationCodes.REQUIRED);
            }
            changes |= !request.newTitle().strip().equals(task.title);
        }
        if (!changes) {
            throw new InvalidFieldException("changes",
                    "an adjustment must change at least one of newDueDate, milestoneDueDates, newLeadDepartmentCode, newTitle");
        }
    }

    private static void change(PlanTask task, Adjustment request) {
        if (request.newDueDate() != null) {
            task.dueDate = request.newDueDate();
        }
        if (request.milestoneDueDates() != null) {
            request.milestoneDueDates().forEach((id, due) -> {
                Milestone milestone = milestoneOf(task, id);
                if (!Objects.equals(milestone.dueDate, due)) {
                    milestone.dueDate = due;
                }
            });
        }
        if (request.newLeadDepartmentCode() != null && !request.newLeadDepartmentCode().equals(task.leadDepartmentCode)) {
            task.leadDepartmentCode = request.newLeadDepartmentCode();
            task.coDepartmentCodes.remove(request.newLeadDepartmentCode());
        }
        if (request.newTitle() != null) {
            task.title = request.newTitle().strip();
        }
    }

    private static Milestone milestoneOf(PlanTask task, Long id) {
        return task.milestones.stream().filter(m -> m.id.equals(id)).findFirst().orElse(null);
    }

    private AdjustmentResult result(TaskRevision r) {
        return new AdjustmentResult(r.adjustmentKey, r.taskId, r.revision, read(r.beforeView), read(r.afterView));
    }

    /** A stored revision as the API shows it (an evaluation's snapshot uses it too). */
    public TaskRevisionView view(TaskRevision r) {
        return new TaskRevisionView(r.taskId, r.revision, r.adjustmentKey, r.reasonCategory, r.justification, r.requestedBy,
                r.reviewedBy, r.approvedBy, r.recordedAt, read(r.beforeView), read(r.afterView));
    }

    private String write(TaskView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TaskView read(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, TaskView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
