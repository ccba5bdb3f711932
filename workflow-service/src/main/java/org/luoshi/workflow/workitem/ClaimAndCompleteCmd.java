package org.luoshi.workflow.workitem;

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

    /** The reservation of the command running now, if it is one of these and the job is of its reserved step. */
    static EagerJobs.Reservation reservationOf(MessageEntity job) {
        CommandInvocationContext invocation = Context.getCommandInvocationContext();
        return invocation != null && invocation.getCommand() instanceof ClaimAndCompleteCmd command
                && command.reservation != null && command.reservation.isFor(job, command.processInstanceId)
                ? command.reservation : null;
    }

    @Override
    public Void execute(CommandContext commandContext) {
        new ClaimTaskCmd(taskId, username).execute(commandContext);
        // the claim has read the task into this command's cache: its process instance is known without a query
        TaskEntity task = commandContext.getDbEntityManager().getCachedEntity(TaskEntity.class, taskId);
        processInstanceId = task == null ? null : task.getProcessInstanceId();
        new CompleteTaskCmd(taskId, variables).execute(commandContext);
        return null;
    }
}
