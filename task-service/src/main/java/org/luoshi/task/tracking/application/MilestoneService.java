package org.luoshi.task.tracking.application;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.common.problem.PreconditionFailedException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.tracking.api.MilestoneCompletion;
import org.luoshi.task.tracking.api.MilestoneView;
import org.luoshi.task.tracking.api.TrackingStarted;
import org.luoshi.task.tracking.api.NewMilestone;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.domain.AccessPolicy;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.persistence.MilestoneRepository;

import io.quarkus.security.ForbiddenException;

/** 节点: planned by the lead department or the supervising office; marked done when a report is approved. */
@ApplicationScoped
public class MilestoneService {
    private static final Logger LOG = Logger.getLogger(MilestoneService.class);

    @Inject
    MilestoneRepository milestones;

    @Inject
    TaskService tasks;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    /** The new milestone alone: its task (source text, every milestone) is one GET away, and most callers want neither. */
    @Transactional
    public MilestoneView add(long taskId, NewMilestone request) {
        Caller caller = callers.current();
        PlanTask task = tasks.visibleTask(taskId, caller);
        requirePlanning(caller, task);
        Milestone milestone = task.addMilestone(milestones.nextOrdinal(taskId), request.title().strip(), request.dueDate(),
                blankToNull(request.deliverable()), request.weight());
        milestones.persist(milestone);
        milestones.flush();
        MilestoneView added = MilestoneView.of(milestone, calendar.today());
        audit.record("milestone.added", "milestone", milestone.id, null, added);
        LOG.infof("%s added milestone %d '%s' due %s to task %d", caller.username(), milestone.id, milestone.title,
                milestone.dueDate, taskId);
        return added;
    }

    @Transactional
    public TaskView update(long milestoneId, int expectedVersion, NewMilestone request) {
        Caller caller = callers.current();
        Milestone milestone = visibleMilestone(milestoneId, caller);
        requirePlanning(caller, milestone.task);
        requireVersion(milestone, expectedVersion);
        if (milestone.isDone() || !milestone.dueDate.equals(request.dueDate())) {
            refuseRescheduling(caller, milestone, "its due date cannot be changed");
        }
        MilestoneView before = MilestoneView.of(milestone, calendar.today());
        milestone.title = request.title().strip();
        milestone.dueDate = request.dueDate();
        milestone.deliverable = blankToNull(request.deliverable());
        milestone.weight = request.weight() == null ? BigDecimal.ONE : request.weight();
        milestones.flush();
        audit.record("milestone.changed", "milestone", milestoneId, before, MilestoneView.of(milestone, calendar.today()));
        LOG.infof("%s changed milestone %d of task %d: '%s' due %s", caller.username(), milestoneId, milestone.task.id,
                milestone.title, milestone.dueDate);
        return tasks.view(milestone.task);
    }

    @Transactional
    public TaskView remove(long milestoneId, int expectedVersion) {
        Caller caller = callers.current();
        Milestone milestone = visibleMilestone(milestoneId, caller);
        PlanTask task = milestone.task;
        requirePlanning(caller, task);
        requireVersion(milestone, expectedVersion);
        refuseRescheduling(caller, milestone, "it cannot be removed");
        MilestoneView before = MilestoneView.of(milestone, calendar.today());
        task.milestones.remove(milestone);
        milestones.flush();
        audit.record("milestone.removed", "milestone", milestoneId, before, null);
        LOG.infof("%s removed milestone %d from task %d", caller.username(), milestoneId, task.id);
        return tasks.view(task);
    }

    /**
     * Marks a milestone done. Doing it again changes nothing, so a retried process step is harmless; when the
     * last milestone is done the task is completed.
     */
    @Transactional
    public TaskView complete(long milestoneId, MilestoneCompletion completion) {
        Caller caller = callers.current();
        if (!AccessPolicy.canCompleteMilestones(caller)) {
            throw new ForbiddenException();
        }
        Milestone milestone = visibleMilestone(milestoneId, caller);
        markDone(milestone, completion.completedOn(), caller);
        return tasks.view(milestone.task);
    }

    /**
     * Marks the milestone done on the given day, unless it already is; completes the task with its last milestone.
     * Audited; the caller has been checked.
     */
    void markDone(Milestone milestone, java.time.LocalDate completedOn, Caller caller) {
        PlanTask task = milestone.task;
        if (!milestone.isDone()) {
            MilestoneView before = MilestoneView.of(milestone, calendar.today());
            milestone.complete(completedOn);
            task.completeIfAllMilestonesDone();
            milestones.flush();
            audit.record("milestone.completed", "milestone", milestone.id, before, MilestoneView.of(milestone, calendar.today()));
            LOG.infof("%s marked milestone %d of task %d done on %s", caller.username(), milestone.id, task.id, completedOn);
        }
    }

    /**
     * Records that the workflow started tracking the milestone (节点填报与审核); from then on its lead department no
     * longer moves its date or removes it directly. A repeat (a retried process step) changes nothing.
     */
    @Transactional
    public TaskView startTracking(long milestoneId) {
        Caller caller = callers.current();
        Milestone milestone = visibleMilestone(milestoneId, caller);
        markTracked(caller, milestone);
        return tasks.view(milestone.task);
    }

    /**
     * {@link #startTracking} for many milestones in one transaction (a page of workflow-service's bulk start): all or
     * none; one the caller cannot see is a 404 naming it, and nothing is recorded.
     */
    @Transactional
    public TrackingStarted startTracking(List<Long> milestoneIds) {
        Caller caller = callers.current();
        java.util.Map<Long, Milestone> found = milestones.withTasks(new java.util.LinkedHashSet<>(milestoneIds)).stream()
                .collect(java.util.stream.Collectors.toMap(m -> m.id, m -> m));
        int newlyTracked = 0;
        for (Long id : new java.util.LinkedHashSet<>(milestoneIds)) {
            if (markTracked(caller, visible(found.get(id), id, caller))) {
                newlyTracked++;
            }
        }
        return new TrackingStarted(milestoneIds.size(), newlyTracked);
    }

    private boolean markTracked(Caller caller, Milestone milestone) {
        if (milestone.isTracked()) {
            return false;
        }
        MilestoneView before = MilestoneView.of(milestone, calendar.today());
        milestone.startTracking(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        milestones.flush();
        audit.record("milestone.tracking-started", "milestone", milestone.id, before,
                MilestoneView.of(milestone, calendar.today()));
        LOG.infof("%s started tracking milestone %d of task %d", caller.username(), milestone.id, milestone.task.id);
        return true;
    }

    private static void refuseRescheduling(Caller caller, Milestone milestone, String what) {
        String refusal = AccessPolicy.refusalToReschedule(caller, milestone);
        if (AccessPolicy.MILESTONE_DONE.equals(refusal)) {
            throw new ConflictException(refusal, "milestone " + milestone.id + " is done: " + what);
        }
        if (AccessPolicy.MILESTONE_TRACKED.equals(refusal)) {
            throw new ConflictException(refusal, "milestone " + milestone.id + " is tracked since "
                    + milestone.trackingStartedAt + ": " + what + " directly; request a 动态调整 (adjustment) or ask the "
                    + "supervising office");
        }
    }

    Milestone visibleMilestone(long id, Caller caller) {
        return visible(milestones.findWithTask(id).orElse(null), id, caller);
    }

    /** The one visibility rule of a milestone: its task's; a missing one and one not visible answer the same 404. */
    private static Milestone visible(Milestone milestone, long id, Caller caller) {
        if (milestone == null || !AccessPolicy.canSee(caller, milestone.task)) {
            throw new ResourceNotFoundException("milestone", id);
        }
        return milestone;
    }

    private static void requirePlanning(Caller caller, PlanTask task) {
        if (!AccessPolicy.canPlanMilestones(caller, task)) {
            throw new ForbiddenException();
        }
    }

    private static void requireVersion(Milestone milestone, int expectedVersion) {
        if (milestone.version != expectedVersion) {
            throw new PreconditionFailedException("milestone " + milestone.id + " changed since version " + expectedVersion
                    + "; it is now version " + milestone.version + ": read it again");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
