package org.luoshi.workflow.inbox.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import org.luoshi.workflow.assignment.domain.TaskAssignmentProcess;
import org.luoshi.workflow.milestone.domain.MilestoneReportingProcess;
import org.luoshi.workflow.adjustment.domain.AdjustmentProcess;

/**
 * The supervising office's deciding items (督查室处理退回, 督查室审核 of reports and of adjustments) used to be offered to
 * the department group {@code supervision}; the processes now offer them to {@code role:supervisor}. Instances started
 * on the older process versions keep their old items: at start-up each open one moves to the role (the inbox read
 * model follows through the task listener). Idempotent; normally there is nothing to move.
 */
@ApplicationScoped
public class DecidingRoleMigration {
    private static final Logger LOG = Logger.getLogger(DecidingRoleMigration.class);
    /** The supervision office's department code, once the candidate group of its deciding items. */
    static final String OLD_GROUP = "supervision";
    static final String ROLE_GROUP = TaskAssignmentProcess.GROUP_SUPERVISORS;
    static final List<String> ACTIVITIES = List.of(TaskAssignmentProcess.REVIEW_RETURN, MilestoneReportingProcess.REVIEW_REPORT,
            AdjustmentProcess.REVIEW_ADJUSTMENT);

    void onStart(@Observes StartupEvent event, Instance<ProcessEngine> engine) {
        int moved = moveToRole(engine.get().getTaskService());
        if (moved > 0) {
            LOG.infof("Moved %d open deciding items from group %s to %s", moved, OLD_GROUP, ROLE_GROUP);
        }
    }

    static int moveToRole(TaskService tasks) {
        List<Task> open = tasks.createTaskQuery().taskDefinitionKeyIn(ACTIVITIES.toArray(String[]::new))
                .taskCandidateGroup(OLD_GROUP).includeAssignedTasks().list();
        for (Task task : open) {
            tasks.deleteCandidateGroup(task.getId(), OLD_GROUP);
            tasks.addCandidateGroup(task.getId(), ROLE_GROUP);
        }
        return open.size();
    }
}
