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
import org.luoshi.workflow.taskservice.ServiceCalls;
import org.luoshi.workflow.taskservice.TaskView;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.workitem.WorkItemVariables;

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

    private static VariableMap variables(TaskView task, TaskView.Milestone milestone) {
        List<String> coDepartments = task.coDepartmentCodes() == null ? List.of() : List.copyOf(task.coDepartmentCodes());
        return Variables.createVariables()
                .putValue(MilestoneReportingProcess.VAR_TASK_ID, task.id())
                .putValue(MilestoneReportingProcess.VAR_TASK_TITLE, task.title())
                .putValue(WorkItemVariables.PLAN_SECTION, task.reference())
                .putValue(MilestoneReportingProcess.VAR_MILESTONE_ID, milestone.id())
                .putValue(MilestoneReportingProcess.VAR_MILESTONE_TITLE, milestone.title())
                .putValue(MilestoneReportingProcess.VAR_DUE_DATE, milestone.dueDate())
                .putValue(MilestoneReportingProcess.VAR_LEAD_DEPARTMENT, task.leadDepartmentCode())
                .putValue(MilestoneReportingProcess.VAR_DEPARTMENT_CODE, task.leadDepartmentCode())
                .putValue(MilestoneReportingProcess.VAR_CO_DEPARTMENTS, new ArrayList<>(coDepartments))
                .putValue(MilestoneReportingProcess.VAR_SUB_REPORTS, new ArrayList<>())
                .putValue(MilestoneReportingProcess.VAR_REPORT_ROUND, 0)
                .putValue(MilestoneReportingProcess.VAR_LADDER_ARMED_AT, new Date(ClockUtil.getCurrentTime().getTime()));
    }
}
