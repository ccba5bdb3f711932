package org.luoshi.workflow.milestone.application;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.escalation.ChaseResult;
import org.luoshi.workflow.milestone.api.MilestoneToAdd;
import org.luoshi.workflow.milestone.api.MilestoneTrackingResult;
import org.luoshi.workflow.taskservice.MilestoneClient;
import org.luoshi.common.problem.InvalidFieldException;
import org.luoshi.common.problem.ViolationCodes;
import org.luoshi.workflow.taskservice.TaskServiceRefusal;
import org.luoshi.workflow.taskservice.TaskView;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.taskservice.TaskReads;
import org.luoshi.workflow.taskservice.TaskServiceUnavailableException;

/** Starts 节点填报与审核 for the open milestones of a task accepted before tracking existed; 催办 by hand. */
@ApplicationScoped
public class MilestoneTrackingService {
    private static final Logger LOG = Logger.getLogger(MilestoneTrackingService.class);

    @Inject
    RuntimeService runtimeService;

    @Inject
    HistoryService historyService;

    @Inject
    MilestoneNotifications notifications;

    @Inject
    CurrentUser user;

    /** 催办 by hand: tells the lead department of a running 节点填报与审核 to report now (stored and mailed). */
    @Transactional
    public ChaseResult chase(String processInstanceId) {
        boolean running = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .processDefinitionKey(MilestoneReportingProcess.KEY).count() > 0;
        if (!running) {
            if (historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                    .processDefinitionKey(MilestoneReportingProcess.KEY).count() > 0) {
                throw new ConflictException("Milestone process " + processInstanceId + " has ended; there is nothing to chase");
            }
            throw new ResourceNotFoundException("Milestone tracking", processInstanceId);
        }
        List<String> chased = notifications.chase(processInstanceId, runtimeService.getVariables(processInstanceId),
                user.username(), Clock.systemUTC());
        LOG.infof("%s chased %s for milestone process %s", user.username(), chased, processInstanceId);
        return new ChaseResult(processInstanceId, chased);
    }

    @Inject
    MilestoneTrackingRegistry registry;

    /** 催办 by hand from the task page, which knows the milestone: the chase of its running 节点填报与审核. */
    @Transactional
    public ChaseResult chaseMilestone(long milestoneId) {
        String businessKey = registry.businessKeyOf(milestoneId)
                .orElseThrow(() -> new ResourceNotFoundException("Milestone tracking", milestoneId));
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(MilestoneReportingProcess.KEY).singleResult();
        if (instance == null) {
            throw new ConflictException("Milestone " + milestoneId + " is not being tracked now; there is nothing to chase");
        }
        return chase(instance.getId());
    }

    @Inject
    TaskReads taskReads;

    @Inject
    MilestoneTracker tracker;

    /** One milestone of the task ({@link MilestoneTracker#trackOne}): the task's other milestones are not read. */
    @Transactional
    public MilestoneTrackingResult track(long taskId, long milestoneId) {
        MilestoneTracker.Tracked t = tracker.trackOne(taskId, milestoneId);
        return new MilestoneTrackingResult(taskId, List.of(new MilestoneTrackingResult.TrackedMilestone(t.milestoneId(),
                t.processInstanceId(), t.businessKey(), t.started())));
    }

    /** The longest Idempotency-Key a client may send. */
    static final int MAX_KEY_LENGTH = 200;

    /** A milestone added to the task and tracked ({@link MilestoneTracker#addAndTrack}), and whether this call added it. */
    public record AddedAndTracked(MilestoneTrackingResult result, boolean milestoneAdded) {
    }

    /**
     * Adds the milestone to the task and tracks it, for the current user, in one transaction here and one call to
     * task-service. A client's {@code Idempotency-Key} (optional) makes a retry answer the same milestone and instance:
     * task-service keeps it, scoped to this user (two people's keys never meet), so a retry also finds a milestone whose
     * first attempt failed here after task-service committed, and starts its instance. Without a key each call adds one.
     */
    @Transactional
    public AddedAndTracked addAndTrack(long taskId, MilestoneToAdd milestone, String idempotencyKey) {
        String key;
        if (idempotencyKey == null) {
            key = "milestone-tracking:" + java.util.UUID.randomUUID();
        } else if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new InvalidFieldException("Idempotency-Key", "1 to " + MAX_KEY_LENGTH + " characters",
                    ViolationCodes.LENGTH, java.util.Map.of("min", 1, "max", MAX_KEY_LENGTH));
        } else {
            key = "milestone-tracking:" + scoped(user.username(), idempotencyKey);
        }
        MilestoneTracker.Added added = tracker.addAndTrack(taskId, new MilestoneClient.NewMilestone(milestone.title(),
                milestone.dueDate() == null ? null : milestone.dueDate().toString(), milestone.deliverable(),
                milestone.weight()), key, user.username());
        MilestoneTracker.Tracked t = added.tracked();
        return new AddedAndTracked(new MilestoneTrackingResult(taskId, List.of(new MilestoneTrackingResult.TrackedMilestone(
                t.milestoneId(), t.processInstanceId(), t.businessKey(), t.started()))), added.milestoneAdded());
    }

    /** The user's key as task-service keeps it: a digest of both, of fixed length whatever they are. */
    private static String scoped(String username, String key) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((username + "\u0000" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Transactional
    public MilestoneTrackingResult track(long taskId) {
        TaskView task = taskReads.read(taskId);
        List<MilestoneTracker.Tracked> tracked;
        try {
            tracked = tracker.track(task);
        } catch (TaskServiceRefusal | jakarta.ws.rs.WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            // task-service did not take note that the milestones are tracked: nothing is started (one transaction)
            throw new TaskServiceUnavailableException("task-service did not record the tracking of task " + taskId, e);
        }
        return new MilestoneTrackingResult(taskId, tracked.stream()
                .map(t -> new MilestoneTrackingResult.TrackedMilestone(t.milestoneId(), t.processInstanceId(),
                        t.businessKey(), t.started()))
                .toList());
    }
}
