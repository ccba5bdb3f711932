package org.luoshi.workflow.workitem;

import java.util.Objects;

import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's claim and completion of an item as one command: the same checks, listeners and history as the two
 * calls, but the task, its execution, the execution's variables and its process definition are read once instead of
 * once per command, and the claim's update of the task row is not written before the row is deleted. A reservation
 * ({@link EagerJobs.Reservation}) holds back the job the completion makes due, as the engine writes it
 * ({@link EagerJobs.HeldBackJobs}).
 */
public final class ClaimAndCompleteCmd implements Command<Void> {
    private final String taskId;
    private final String username;
    private final VariableMap variables;
    private final EagerJobs.Reservation reservation;
    /** Known once the claim has read the task. */
    private String processInstanceId;
    /** Whether the claim changed the assignee (the engine then fired "assignment"); a claim of one's own item does not. */
    private boolean claimed;

    public ClaimAndCompleteCmd(String taskId, String username, VariableMap variables, EagerJobs.Reservation reservation) {
        this.taskId = taskId;
        this.username = username;
        this.variables = variables;
        this.reservation = reservation;
    }

    /**
     * Whether the engine command running now claims this task to complete it at once: what the claim alone would
     * change (the inbox row of an item being taken) is overwritten by the completion in the same transaction.
     */
    public static boolean completesInThisCommand(String taskId) {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && invocation.getCommand() instanceof ClaimAndCompleteCmd command
                && command.taskId.equals(taskId);
    }

    /**
     * Whether the engine command running now claimed this task for the caller before completing it, i.e. fired its
     * "assignment" event, whose record the completion may write together with its own.
     */
    public static boolean claimedInThisCommand(String taskId) {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && invocation.getCommand() instanceof ClaimAndCompleteCmd command
                && command.taskId.equals(taskId) && command.claimed;
    }

    /** The reservation of the command running now, if it is one of these and the job is of its reserved step. */
    static EagerJobs.Reservation reservationOf(MessageEntity job) {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && invocation.getCommand() instanceof ClaimAndCompleteCmd command
                && command.reservation != null && command.reservation.isFor(job, command.processInstanceId)
                ? command.reservation : null;
    }

    @Override
    public Void execute(CommandContext commandContext) {
        // read into this command's cache as the claim reads it (no statement of its own), to know whether it changes
        TaskEntity before = taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
        String assigneeBefore = before == null ? null : before.getAssignee();
        new ClaimTaskCmd(taskId, username).execute(commandContext);
        claimed = !Objects.equals(assigneeBefore, username);
        // the claim has read the task into this command's cache: its process instance is known without a query
        TaskEntity task = commandContext.getDbEntityManager().getCachedEntity(TaskEntity.class, taskId);
        processInstanceId = task == null ? null : task.getProcessInstanceId();
        new CompleteTaskCmd(taskId, variables).execute(commandContext);
        return null;
    }
}
