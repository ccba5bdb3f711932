package org.luoshi.task.tracking.application;

import java.math.BigDecimal;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.PreconditionFailedException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.task.audit.application.AuditLog;
import org.luoshi.task.shared.application.BusinessCalendar;
import org.luoshi.task.shared.application.CallerFactory;
import org.luoshi.task.shared.application.KeyedWrites;
import org.luoshi.task.shared.domain.Caller;
import org.luoshi.task.tracking.api.BulkMilestones;
import org.luoshi.task.tracking.api.BulkMilestonesResult;
import org.luoshi.task.tracking.api.MilestoneCompletion;
import org.luoshi.task.tracking.api.MilestoneTracking;
import org.luoshi.task.tracking.api.MilestoneView;
import org.luoshi.task.tracking.api.TrackingStarted;
import org.luoshi.task.tracking.api.NewMilestone;
import org.luoshi.task.tracking.api.NewTrackedMilestone;
import org.luoshi.task.tracking.api.TaskView;
import org.luoshi.task.tracking.domain.AccessPolicy;
import org.luoshi.task.tracking.domain.Milestone;
import org.luoshi.task.tracking.domain.MilestoneStatus;
import org.luoshi.task.tracking.domain.PlanTask;
import org.luoshi.task.tracking.persistence.MilestoneRepository;
import org.luoshi.task.tracking.persistence.TaskRepository;

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
    TaskRepository taskRepository;

    @Inject
    CallerFactory callers;

    @Inject
    AuditLog audit;

    @Inject
    BusinessCalendar calendar;

    /**
     * The new milestone alone: its task (source text, every milestone) is one GET away, and most callers want neither.
     * Inserted as the bulk path inserts (the session is not involved), one past the task's highest ordinal.
     */
    @Transactional
    public MilestoneView add(long taskId, NewMilestone request) {
        Caller caller = callers.current();
        PlanTask task = tasks.visibleTask(taskId, caller);
        requirePlanning(caller, task);
        String title = request.title().strip();
        String deliverable = blankToNull(request.deliverable());
        BigDecimal weight = request.weight() == null ? BigDecimal.ONE : request.weight();
        MilestoneRepository.Added inserted = milestones.insertNext(taskId, title, request.dueDate(), deliverable, weight);
        MilestoneView added = viewOfNew(inserted.id(), new MilestoneRepository.Row(taskId, inserted.ordinal(), title,
                request.dueDate(), deliverable, weight), calendar.today());
        audit.record("milestone.added", "milestone", inserted.id(), null, added);
        LOG.info(caller.username() + " added milestone " + inserted.id() + " '" + title + "' due " + request.dueDate()
                + " to task " + taskId);
        return added;
    }

    @Inject
    KeyedWrites keyedWrites;

    /** The operation an added-and-tracked milestone's Idempotency-Key is recorded for (its target: the milestone). */
    static final String ADD_TRACKED = "add-tracked-milestone";

    /** What {@link #addTracked} answers: the milestone as a tracking start answers it, and whether this call added it. */
    public record AddedTracked(MilestoneTracking tracking, boolean created) {
    }

    /** The audit entry's state after an added-and-tracked milestone: the milestone and the person who asked for it. */
    record TrackedMilestoneAdded(MilestoneView milestone, String requestedBy) {
    }

    /**
     * Adds a milestone to the task, tracked from the moment it exists (workflow-service, for the supervisor named in
     * {@code requestedBy}, who asked it to add and track one in one request): the insert, the tracking and the audit
     * entry are one transaction, and the same {@code Idempotency-Key} again answers the same milestone (created false)
     * without adding another. Refused with nothing recorded: a bad milestone (400, as {@link #add}), a task the caller
     * cannot see (404), one no department leads ({@link PlanTask#requireTrackable}, 409), a key used for another
     * task or a milestone that is done since (409).
     */
    @Transactional
    public AddedTracked addTracked(long taskId, String idempotencyKey, NewTrackedMilestone request) {
        keyedWrites.open(KeyedWrites.HEADER, "idempotency-key", idempotencyKey);
        Caller caller = callers.current();
        java.util.Optional<Long> earlier = keyedWrites.earlier(idempotencyKey, ADD_TRACKED, null);
        if (earlier.isPresent()) {
            MilestoneRepository.ForTracking found = milestones.findForTracking(earlier.get())
                    .orElseThrow(() -> new ResourceNotFoundException("milestone", earlier.get()));
            if (found.milestone().task.id != taskId) {
                throw new ConflictException(KeyedWrites.HEADER + " " + idempotencyKey + " was already used for another change");
            }
            refuseDone(found.milestone());
            LOG.infof("%s repeated the addition of tracked milestone %d to task %d [%s]: nothing changed",
                    caller.username(), earlier.get(), taskId, idempotencyKey);
            return new AddedTracked(tracking(found, false), false);
        }
        NewMilestone milestone = request.milestone();
        // the task with all the answer names of it, read once: the milestone inserted below is not read back
        TaskRepository.ForTracking task = taskRepository.findForTracking(taskId)
                .filter(t -> AccessPolicy.canSee(caller, t.task()))
                .orElseThrow(() -> new ResourceNotFoundException("task", taskId));
        task.task().requireTrackable();
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String title = milestone.title().strip();
        String deliverable = blankToNull(milestone.deliverable());
        MilestoneRepository.Added inserted = milestones.insertNext(taskId, title, milestone.dueDate(), deliverable,
                milestone.weight() == null ? BigDecimal.ONE : milestone.weight(), now);
        keyedWrites.record(idempotencyKey, ADD_TRACKED, inserted.id(), now);
        MilestoneView added = viewOfNewTracked(inserted, title, milestone.dueDate(), deliverable, calendar.today());
        String requestedBy = request.requestedBy().strip();
        audit.record("milestone.added-tracked", "milestone", inserted.id(), null, new TrackedMilestoneAdded(added, requestedBy));
        LOG.infof("%s added milestone %d '%s' due %s to task %d, tracked, for %s [%s]", caller.username(), inserted.id(),
                title, milestone.dueDate(), taskId, requestedBy, idempotencyKey);
        return new AddedTracked(tracking(added, true, task.task(), task.chapterNumber(), task.sectionNumber()), true);
    }

    /** A milestone just inserted tracked (as {@link MilestoneRepository#insertNext} stored it): planned, version 0. */
    private static MilestoneView viewOfNewTracked(MilestoneRepository.Added inserted, String title, java.time.LocalDate dueDate,
            String deliverable, java.time.LocalDate today) {
        return new MilestoneView(inserted.id(), inserted.ordinal(), title, dueDate, deliverable, inserted.weight(),
                MilestoneStatus.PLANNED, null, dueDate.isBefore(today), true, 0);
    }

    /** A milestone just inserted as this row: planned, untracked, version 0. */
    private static MilestoneView viewOfNew(long id, MilestoneRepository.Row row, java.time.LocalDate today) {
        return new MilestoneView(id, row.ordinal(), row.title(), row.dueDate(), row.deliverable(), row.weight(),
                MilestoneStatus.PLANNED, null, row.dueDate().isBefore(today), false, 0);
    }

    /**
     * Adds many milestones to tasks of one plan in one transaction, all or none: a task not of this plan or not visible
     * is a 404 naming it, one the caller may not plan a 403. An item equal to a milestone its task has (same title and
     * due date) names that milestone instead of adding another, so a retry, or two callers at once (the tasks are
     * locked first), add each milestone once ({@link #insertNew}); the tasks' versions rise as with {@link #add}.
     */
    @Transactional
    public BulkMilestonesResult addAll(long planId, BulkMilestones request) {
        Caller caller = callers.current();
        List<Long> taskIds = request.items().stream().map(BulkMilestones.Item::taskId).distinct().sorted().toList();
        java.util.Map<Long, PlanTask> byId = new java.util.HashMap<>();
        for (PlanTask task : taskRepository.list("select t from PlanTask t left join fetch t.plan where t.id in ?1", taskIds)) {
            byId.put(task.id, task);
        }
        for (Long id : taskIds) {
            PlanTask task = byId.get(id);
            if (task == null || task.planId != planId || !AccessPolicy.canSee(caller, task)) {
                throw new ResourceNotFoundException("task", id);
            }
            requirePlanning(caller, task);
        }
        Inserted inserted = insertNew(milestones.lockTasksAndReadMilestones(taskIds), request.items().stream()
                .map(i -> new Planned(i.taskId(), i.title(), i.dueDate(), i.deliverable(), i.weight())).toList());
        milestones.touchTasks(inserted.tasks());
        LOG.infof("%s added %d milestones to %d tasks of plan %d in bulk (%d present already)", caller.username(),
                inserted.added(), taskIds.size(), planId, request.items().size() - inserted.added());
        return new BulkMilestonesResult(planId, request.items().size(), inserted.added(),
                request.items().size() - inserted.added(), inserted.milestoneIds());
    }

    /** A milestone planned for a task by a bulk request (an item of a bulk addition, or of a bulk assignment's item). */
    public record Planned(long taskId, String title, java.time.LocalDate dueDate, String deliverable, BigDecimal weight) {
    }

    /**
     * What {@link #insertNew} did: each planned milestone's id (in the order given), how many it added and the tasks
     * it added to.
     */
    public record Inserted(List<Long> milestoneIds, int added, List<Long> tasks) {
    }

    /**
     * The one way milestones are added in bulk: those of {@code planned} that their task does not have yet (same title
     * and due date, as {@code present} read them under the tasks' lock) are inserted in one statement after the task's
     * own, and audited in one batch (an entry per milestone, as {@link #add}). The caller has checked the tasks, locked
     * them ({@link MilestoneRepository#lockTasksAndReadMilestones}) and raises their versions.
     */
    Inserted insertNew(List<MilestoneRepository.Present> present, List<Planned> planned) {
        java.util.Map<String, Long> known = new java.util.HashMap<>();
        java.util.Map<Long, Integer> lastOrdinal = new java.util.HashMap<>();
        for (MilestoneRepository.Present p : present) {
            known.putIfAbsent(sameness(p.taskId(), p.title(), p.dueDate()), p.id());
            lastOrdinal.merge(p.taskId(), p.ordinal(), Math::max);
        }
        List<MilestoneRepository.Row> rows = new java.util.ArrayList<>();
        java.util.Map<String, Integer> rowOf = new java.util.HashMap<>();
        for (Planned item : planned) {
            String key = sameness(item.taskId(), item.title().strip(), item.dueDate());
            if (!known.containsKey(key) && !rowOf.containsKey(key)) {
                rowOf.put(key, rows.size());
                rows.add(new MilestoneRepository.Row(item.taskId(), lastOrdinal.merge(item.taskId(), 1, Integer::sum),
                        item.title().strip(), item.dueDate(), blankToNull(item.deliverable()),
                        item.weight() == null ? BigDecimal.ONE : item.weight()));
            }
        }
        List<Long> ids = milestones.insertAll(rows);
        java.time.LocalDate today = calendar.today();
        List<AuditLog.Change> changes = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            MilestoneRepository.Row row = rows.get(i);
            changes.add(new AuditLog.Change(ids.get(i), null, viewOfNew(ids.get(i), row, today)));
        }
        audit.recordAll("milestone.added", "milestone", changes);
        List<Long> milestoneIds = planned.stream().map(item -> {
            String key = sameness(item.taskId(), item.title().strip(), item.dueDate());
            Integer row = rowOf.get(key);
            return row != null ? ids.get(row) : known.get(key);
        }).toList();
        return new Inserted(milestoneIds, rows.size(),
                rows.stream().map(MilestoneRepository.Row::taskId).distinct().toList());
    }

    private static String sameness(long taskId, String title, java.time.LocalDate dueDate) {
        return taskId + "\u0000" + title + "\u0000" + dueDate;
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
            milestones.flush();
            // counted, not loaded: a task of a national plan has many milestones, and this runs on every approval
            MilestoneRepository.Progress progress = milestones.progressOf(task.id);
            task.completeIfNoneOpen(progress.count(), progress.open(), progress.lastDoneOn());
            milestones.flush();
            audit.record("milestone.completed", "milestone", milestone.id, before, MilestoneView.of(milestone, calendar.today()));
            LOG.info(caller.username() + " marked milestone " + milestone.id + " of task " + task.id + " done on " + completedOn);
        }
    }

    /**
     * Records that the workflow started tracking the milestone (节点填报与审核); from then on its lead department no
     * longer moves its date or removes it directly. A repeat (a retried process step) changes nothing. Refused, with
     * nothing recorded, for a milestone of another task than the caller names (404, as one it cannot see) and for a
     * done one (409 {@code milestone-done}: there is nothing left to report). Answers what the process needs of the
     * milestone and its task: the milestone, its task, the task's co-departments and its place in the plan (the numbers
     * of its chapter and section) are one query; the task's other milestones are not read.
     */
    @Transactional
    public MilestoneTracking startTracking(long milestoneId, long taskId) {
        Caller caller = callers.current();
        MilestoneRepository.ForTracking found = milestones.findForTracking(milestoneId).orElse(null);
        Milestone milestone = visible(found == null ? null : found.milestone(), milestoneId, caller);
        PlanTask task = milestone.task;
        if (task.id != taskId) {
            throw new ResourceNotFoundException("milestone", milestoneId);
        }
        refuseDone(milestone);
        return tracking(found, markTracked(caller, milestone));
    }

    private static void refuseDone(Milestone milestone) {
        if (milestone.isDone()) {
            throw new ConflictException(AccessPolicy.MILESTONE_DONE, "milestone " + milestone.id + " is done since "
                    + milestone.completedOn + ": there is nothing to track");
        }
    }

    /** The answer of a tracking start: the milestone and what the process needs of its task. */
    private static MilestoneTracking tracking(MilestoneRepository.ForTracking found, boolean newly) {
        Milestone m = found.milestone();
        return tracking(m.id, m.title, m.dueDate, m.status, m.version, newly, m.task, found.chapterNumber(),
                found.sectionNumber());
    }

    private static MilestoneTracking tracking(MilestoneView m, boolean newly, PlanTask task, String chapterNumber,
            String sectionNumber) {
        return tracking(m.id(), m.title(), m.dueDate(), m.status(), m.version(), newly, task, chapterNumber, sectionNumber);
    }

    private static MilestoneTracking tracking(long id, String title, java.time.LocalDate dueDate, MilestoneStatus status,
            int version, boolean newly, PlanTask task, String chapterNumber, String sectionNumber) {
        return new MilestoneTracking(id, title, dueDate, status, version, newly, task.id, task.title,
                PlanStructure.reference(chapterNumber, sectionNumber, task),
                task.leadDepartmentCode,
                task.coDepartmentCodes.stream().sorted().toList());
    }

    /**
     * {@link #startTracking} for many milestones in one transaction (a page of workflow-service's bulk start): all or
     * none; one the caller cannot see is a 404 naming it, and nothing is recorded. The milestones are read in one
     * query, flushed once and audited in one batch (an entry per newly tracked milestone, as one by one).
     */
    @Transactional
    public TrackingStarted startTracking(List<Long> milestoneIds) {
        Caller caller = callers.current();
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>(milestoneIds);
        java.util.Map<Long, Milestone> found = new java.util.HashMap<>();
        for (Milestone milestone : milestones.withTasks(ids)) {
            found.put(milestone.id, milestone);
        }
        java.time.LocalDate today = calendar.today();
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        List<AuditLog.Change> changes = new java.util.ArrayList<>();
        for (Long id : ids) {
            Milestone milestone = found.get(id);
            if (milestone == null || !AccessPolicy.canSee(caller, milestone.task)) {
                throw new ResourceNotFoundException("milestone", id);
            }
            if (!milestone.isTracked()) {
                MilestoneView before = MilestoneView.of(milestone, today);
                milestone.startTracking(now);
                changes.add(new AuditLog.Change(id, before, null));
            }
        }
        milestones.flush();
        for (int i = 0; i < changes.size(); i++) {  // after the flush: the views carry the new versions
            AuditLog.Change change = changes.get(i);
            changes.set(i, new AuditLog.Change(change.entityId(), change.before(),
                    MilestoneView.of(found.get((Long) change.entityId()), today)));
        }
        audit.recordAll("milestone.tracking-started", "milestone", changes);
        if (!changes.isEmpty()) {
            LOG.infof("%s started tracking %d milestones (of %d named)", caller.username(), changes.size(), ids.size());
        }
        return new TrackingStarted(milestoneIds.size(), changes.size());
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
        LOG.info(caller.username() + " started tracking milestone " + milestone.id + " of task " + milestone.task.id);
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
    static Milestone visible(Milestone milestone, long id, Caller caller) {
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
