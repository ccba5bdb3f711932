package org.luoshi.workflow.workitem;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The open (not suspended) engine task with this id, or null: what {@code createTaskQuery().taskId(id).active()} answers,
 * read by the task's primary key. The query's statement is the engine's generic task query, built by MyBatis from
 * several hundred dynamic-SQL conditions on every call (a tenth of workflow-service's CPU on a report cycle, issue 15);
 * this is the row read the engine's own commands use. Authorization checks are off in this engine and no task has a
 * tenant, so the query added no condition the primary key misses.
 */
final class ActiveTaskCmd implements Command<TaskEntity> {
    private final String taskId;

    ActiveTaskCmd(String taskId) {
        this.taskId = taskId;
    }

    @Override
    public TaskEntity execute(CommandContext commandContext) {
        TaskEntity task = taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
        return task == null || task.isSuspended() ? null : task;
    }
}
