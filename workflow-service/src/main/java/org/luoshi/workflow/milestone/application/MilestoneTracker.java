package org.luoshi.workflow.milestone.application;


import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.luoshi.workflow.taskservice.MilestoneClient;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.workflow.taskservice.ServiceCalls;
import org.luoshi.workflow.taskservice.TaskServiceValidation;
import org.luoshi.workflow.shared.ServiceToken;
import jakarta.ws.rs.WebApplicationException;
import org.luoshi.workflow.taskservice.TaskServiceRefusal;
import org.luoshi.workflow.taskservice.TaskServiceUnavailableException;
import org.luoshi.workflow.taskservice.TaskView;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Starts one 节点填报与审核 instance per open milestone of a task, unless the milestone already has a running one
 * (registered in {@link MilestoneTrackingRegistry}, which also keeps two concurrent callers from both starting one).
 * Must run in a transaction (the registry's row and the instance commit together). Used by the task-assignment step {@code startMilestoneTracking} and by
 * {@code POST /api/milestone-trackings}.
 */
@ApplicationScoped
public class MilestoneTracker {
    private static final Logger LOG = Logger.getLogger(MilestoneTracker.class);
    private static final TimeBasedEpochGenerator UUIDS = Generators.timeBasedEpochGenerator();

    @Inject
    RuntimeService runtimeService;

    @Inject
    MilestoneTrackingRegistry registry;

    @Inject
    @RestClient
    MilestoneClient milestones;

    /** A milestone and its instance; {@code started} is false when it was already tracked. */
    public record Tracked(long milestoneId, String processInstanceId, String businessKey, boolean started) {
    }

    public List<Tracked> track(TaskView task) {
        return track(List.of(task));
    }

    /**
     * Tracks the open milestones of these tasks, then tells task-service in one call per {@value #PER_CALL} newly
     * tracked milestones (task-service holds their dates from now on); a refusal there undoes the whole transaction.
     */
    public List<Tracked> track(List<TaskView> tasks) {
        List<Tracked> result = trackMilestones(tasks);
        List<Long> started = result.stream().filter(Tracked::started).map(Tracked::milestoneId).toList();
        for (int from = 0; from < started.size(); from += PER_CALL) {
            List<Long> page = started.subList(from, Math.min(started.size(), from + PER_CALL));
            ServiceCalls.run("startTracking", () -> milestones.startTracking(new MilestoneClient.TrackingStart(page)));
        }
        return result;
    }

    /** task-service takes at most this many milestones per call. */
    static final int PER_CALL = 1000;

    /**
     * The open milestones of these tasks, those running already found in one query and the others claimed in one
     * statement ({@link MilestoneTrackingRegistry#claimAll}), then an instance started for each milestone claimed here.
     */
    private List<Tracked> trackMilestones(List<TaskView> tasks) {
        Map<Long, TaskView> taskOf = new java.util.LinkedHashMap<>();
        Map<Long, TaskView.Milestone> open = new java.util.LinkedHashMap<>();
        for (TaskView task : tasks) {
            if (task.milestones() == null) {
                continue;
            }
            task.milestones().stream().filter(m -> m.id() != null && m.open() && m.dueDate() != null).forEach(m -> {
                open.putIfAbsent(m.id(), m);
                taskOf.putIfAbsent(m.id(), task);
            });
        }
        Map<Long, MilestoneTrackingRegistry.Running> alreadyRunning = registry.runningAmong(open.keySet());
        List<MilestoneTrackingRegistry.Claim> claims = new ArrayList<>();
        for (Long id : open.keySet()) {
            if (!alreadyRunning.containsKey(id)) {
                claims.add(new MilestoneTrackingRegistry.Claim(id, taskOf.get(id).id(),
                        MilestoneReportingProcess.businessKeyPrefix(id) + UUIDS.generate()));
            }
        }
        Map<Long, String> registered = registry.claimAll(claims);
        Map<Long, String> offered = new java.util.HashMap<>();
        claims.forEach(c -> offered.put(c.milestoneId(), c.offeredBusinessKey()));
        List<Tracked> result = new ArrayList<>();
        for (TaskView.Milestone milestone : open.values()) {
            MilestoneTrackingRegistry.Running tracked = alreadyRunning.get(milestone.id());
            if (tracked != null) {
                result.add(new Tracked(milestone.id(), tracked.processInstanceId(), tracked.businessKey(), false));
                continue;
            }
            String businessKey = offered.get(milestone.id());
            String standing = registered.get(milestone.id());
            if (!businessKey.equals(standing)) { // registered by another caller meanwhile, or an ended instance's
                ProcessInstance running = runtimeService.createProcessInstanceQuery()
                        .processDefinitionKey(MilestoneReportingProcess.KEY).processInstanceBusinessKey(standing)
                        .list().stream().findFirst().orElse(null);
                if (running != null) {
                    result.add(new Tracked(milestone.id(), running.getId(), running.getBusinessKey(), false));
                    continue;
                }
                registry.replace(milestone.id(), businessKey); // its instance ended or was deleted: track anew
            }
            TaskView task = taskOf.get(milestone.id());
            ProcessInstance instance = runtimeService.startProcessInstanceByKey(MilestoneReportingProcess.KEY, businessKey,
                    variables(task, milestone));
            LOG.debugf("Tracking milestone %d (%s, due %s) of task %d: process %s", milestone.id(), milestone.title(),
                    milestone.dueDate(), task.id(), instance.getId());
            result.add(new Tracked(milestone.id(), instance.getId(), businessKey, true));
        }
        return result;
    }

    /**
     * Tracks one milestone of a task (a supervisor's {@code POST /api/milestone-trackings {taskId, milestoneId}}): one
     * registry statement, then — only when this caller claimed the milestone — one call to task-service, which records
     * the tracking and answers what the instance needs of the milestone and its task (no read of the whole task). A
     * milestone tracked already answers its instance and asks task-service nothing. Refused before anything is started:
     * a milestone not of this task, or unknown (404), or done (409), as task-service answers it; task-service away is
     * 502. Must run in a transaction: the registry row, task-service's answer and the instance go together, so two
     * concurrent or repeated calls start one instance.
     */
    public Tracked trackOne(long taskId, long milestoneId) {
        String offered = MilestoneReportingProcess.businessKeyPrefix(milestoneId) + UUIDS.generate();
        Tracked running = claim(milestoneId, taskId, offered);
        if (running != null) {
            return running;
        }
        return start(taskId, milestoneId, offered, markTracked(taskId, milestoneId));
    }

    /**
     * Adds a milestone to the task and tracks it (a supervisor's {@code POST /api/milestone-trackings {taskId,
     * milestone}}): one call to task-service, which adds the milestone, records its tracking and the audit entry naming
     * {@code requestedBy} in one transaction, once per {@code idempotencyKey}; then, as {@link #trackOne}, the registry's
     * claim and the instance. Refused before anything is recorded or started, as task-service answers it: a bad
     * milestone (400 naming the field), no such task (404), a task no department leads (409); task-service away is
     * 502. Should this transaction fail after task-service committed, the milestone stays there, tracked, without an
     * instance: the same key again, {@code {taskId, milestoneId}} or the bulk start starts its instance.
     *
     * @return the milestone and its instance, and whether task-service added it in this call
     */
    public Added addAndTrack(long taskId, MilestoneClient.NewMilestone milestone, String idempotencyKey, String requestedBy) {
        MilestoneClient.TrackedMilestone m = addTracked(taskId, milestone, idempotencyKey, requestedBy);
        long milestoneId = m.milestoneId();
        String offered = MilestoneReportingProcess.businessKeyPrefix(milestoneId) + UUIDS.generate();
        Tracked running = claim(milestoneId, taskId, offered);
        return new Added(running != null ? running : start(taskId, milestoneId, offered, m), m.newlyTracked());
    }

    /** What {@link #addAndTrack} did: the milestone's tracking, and whether task-service added it in this call. */
    public record Added(Tracked tracked, boolean milestoneAdded) {
    }

    /**
     * The registry's claim of the milestone for the business key offered: null when this caller holds it (to start the
     * instance), else the running instance of the caller that does. A milestone registered for another task is 404.
     */
    private Tracked claim(long milestoneId, long taskId, String offered) {
        MilestoneTrackingRegistry.Registered standing = registry.claim(milestoneId, taskId, offered);
        if (standing.taskId() != 0 && standing.taskId() != taskId) {
            throw new ResourceNotFoundException("Milestone " + milestoneId + " of task", taskId);
        }
        if (!offered.equals(standing.businessKey())) {
            ProcessInstance running = runtimeService.createProcessInstanceQuery()
                    .processDefinitionKey(MilestoneReportingProcess.KEY).processInstanceBusinessKey(standing.businessKey())
                    .list().stream().findFirst().orElse(null);
            if (running != null) {
                return new Tracked(milestoneId, running.getId(), running.getBusinessKey(), false);
            }
            registry.replace(milestoneId, offered); // its instance ended or was deleted: track anew
        }
        return null;
    }

    private Tracked start(long taskId, long milestoneId, String businessKey, MilestoneClient.TrackedMilestone m) {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(MilestoneReportingProcess.KEY, businessKey,
                variables(m.taskId(), m.taskTitle(), m.taskReference(), m.leadDepartmentCode(), m.coDepartmentCodes(),
                        milestoneId, m.title(), m.dueDate()));
        LOG.debugf("Tracking milestone %d (%s, due %s) of task %d: process %s", milestoneId, m.title(), m.dueDate(), taskId,
                instance.getId());
        return new Tracked(milestoneId, instance.getId(), businessKey, true);
    }

    /** task-service adds the milestone tracked and answers it with its task; its refusals become the person's. */
    private MilestoneClient.TrackedMilestone addTracked(long taskId, MilestoneClient.NewMilestone milestone,
            String idempotencyKey, String requestedBy) {
        String what = "the new milestone of task " + taskId;
        MilestoneClient.TrackedMilestone answer;
        try {
            answer = ServiceToken.withFreshTokenOn401(what, () -> milestones.addTracked(taskId, idempotencyKey,
                    new MilestoneClient.NewTrackedMilestone(milestone, requestedBy)));
        } catch (WebApplicationException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
            if (status == 404) {
                throw new ResourceNotFoundException("task", taskId);
            }
            RuntimeException refusal = status == 0 ? null : TaskServiceValidation.relayedRefusal(what, e);
            throw refusal != null ? refusal : new TaskServiceUnavailableException("task-service answered " + status
                    + " when asked to add " + what, e);
        } catch (RuntimeException e) {
            // connection refused, timeout, or no service-account token from Keycloak
            throw new TaskServiceUnavailableException("task-service could not be asked to add " + what, e);
        }
        if (answer == null || answer.milestoneId() == null || answer.taskId() == null || answer.taskId() != taskId) {
            throw new TaskServiceUnavailableException("task-service answered " + what + " without it", null);
        }
        return answer;
    }

    /** task-service records the tracking and answers the milestone with its task; its refusals become ours. */
    private MilestoneClient.TrackedMilestone markTracked(long taskId, long milestoneId) {
        MilestoneClient.TrackedMilestone answer;
        try {
            answer = ServiceCalls.call("tracking of milestone " + milestoneId,
                    () -> milestones.startTracking(milestoneId, new MilestoneClient.TrackingOf(taskId)));
        } catch (TaskServiceRefusal refusal) {
            if (refusal.httpStatus() == 404) {
                throw new ResourceNotFoundException("Milestone " + milestoneId + " of task", taskId);
            }
            if (refusal.httpStatus() == 409) {
                throw new ConflictException("task-service refuses to track milestone " + milestoneId + ": "
                        + refusal.getMessage());
            }
            throw new TaskServiceUnavailableException("task-service refused the tracking of milestone " + milestoneId, refusal);
        } catch (RuntimeException e) {
            // 5xx, connection refused, timeout, or no service-account token from Keycloak
            throw new TaskServiceUnavailableException("task-service could not record the tracking of milestone "
                    + milestoneId, e);
        }
        if (answer == null || answer.taskId() == null || answer.taskId() != taskId) {
            throw new TaskServiceUnavailableException("task-service answered the tracking of milestone " + milestoneId
                    + " without its task " + taskId, null);
        }
        return answer;
    }

    private static VariableMap variables(TaskView task, TaskView.Milestone milestone) {
        return variables(task.id(), task.title(), task.reference(), task.leadDepartmentCode(), task.coDepartmentCodes(),
                milestone.id(), milestone.title(), milestone.dueDate());
    }

    private static VariableMap variables(long taskId, String taskTitle, String reference, String lead,
            List<String> coDepartmentCodes, long milestoneId, String milestoneTitle, String dueDate) {
        return Variables.fromMap(MilestoneReportingProcess.startVariables(taskId, taskTitle, reference, milestoneId,
                milestoneTitle, dueDate, lead, coDepartmentCodes, new Date(ClockUtil.getCurrentTime().getTime())));
    }
}
