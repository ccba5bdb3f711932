package org.luoshi.workflow.adjustment.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.jboss.logging.Logger;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;

/**
 * An approved adjustment gave a task a new lead department: every running 节点填报与审核 instance of the task now
 * belongs to it. The instance's {@code leadDepartmentCode} / {@code departmentCode} (which the inbox shows and the
 * ladder notifies) change, the new lead leaves {@code coDepartmentCodes} (as in task-service), and each open
 * 牵头单位填报 item moves from the old lead's candidate group to the new one's — unclaimed, since whoever claimed it
 * belongs to the old lead. The inbox read model follows through the task listener's update events. A co-department
 * that became the lead no longer sends a sub-report (task-service would refuse it): its open 配合单位报送 item is
 * completed for it, and {@code recordSubReport} records nothing for the lead. Other co-departments' items stay.
 *
 * <p>Runs inside the engine command of the adjustment's job, so it commits with the adjustment's process state; the
 * change is idempotent (an instance already led by the new department is skipped).
 */
@ApplicationScoped
public class LeadRetargeting {
    private static final Logger LOG = Logger.getLogger(LeadRetargeting.class);

    @Inject
    RuntimeService runtimeService;

    @Inject
    TaskService taskService;

    /** The running milestone-reporting instances of the task, each retargeted to the new lead; returns their ids. */
    public List<String> retarget(long taskId, String newLead) {
        List<String> changed = new ArrayList<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(MilestoneReportingProcess.KEY)
                .variableValueEquals(MilestoneReportingProcess.VAR_TASK_ID, taskId).list()) {
            String pi = instance.getId();
            Object oldLead = runtimeService.getVariable(pi, MilestoneReportingProcess.VAR_LEAD_DEPARTMENT);
            if (newLead.equals(oldLead)) {
                continue;
            }
            runtimeService.setVariable(pi, MilestoneReportingProcess.VAR_LEAD_DEPARTMENT, newLead);
            if (runtimeService.getVariable(pi, MilestoneReportingProcess.VAR_DEPARTMENT_CODE) != null) {
                runtimeService.setVariable(pi, MilestoneReportingProcess.VAR_DEPARTMENT_CODE, newLead); // an older instance's copy
            }
            if (runtimeService.getVariable(pi, MilestoneReportingProcess.VAR_CO_DEPARTMENTS) instanceof Collection<?> co
                    && co.contains(newLead)) {
                List<Object> rest = new ArrayList<>(co);
                rest.remove(newLead);
                runtimeService.setVariable(pi, MilestoneReportingProcess.VAR_CO_DEPARTMENTS, rest);
            }
            for (Task item : taskService.createTaskQuery().processInstanceId(pi)
                    .taskDefinitionKey(MilestoneReportingProcess.SUBMIT_REPORT).list()) {
                if (item.getAssignee() != null) {
                    taskService.setAssignee(item.getId(), null);
                }
                if (oldLead != null) {
                    taskService.deleteCandidateGroup(item.getId(), oldLead.toString());
                }
                taskService.addCandidateGroup(item.getId(), newLead);
            }
            for (Task item : taskService.createTaskQuery().processInstanceId(pi)
                    .taskDefinitionKey(MilestoneReportingProcess.CONTRIBUTE_SUB_REPORT).list()) {
                if (newLead.equals(taskService.getVariable(item.getId(), MilestoneReportingProcess.VAR_CO_DEPARTMENT))) {
                    taskService.complete(item.getId());
                }
            }
            LOG.infof("Task %d is now led by %s: milestone tracking %s (%s) moved from %s", taskId, newLead, pi,
                    instance.getBusinessKey(), oldLead);
            changed.add(pi);
        }
        return changed;
    }
}
