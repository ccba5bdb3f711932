package org.luoshi.workflow.inbox.readmodel;

import java.util.List;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import org.luoshi.workflow.workitem.ClaimAndCompleteCmd;
import org.luoshi.workflow.workitem.WorkItemVariables;

/**
 * Keeps {@code luoshi_inbox_item} in step with the engine's user tasks. Registered on every user task of every
 * deployed process by {@link InboxParseListener}, so it runs inside the engine command that creates, assigns,
 * completes or deletes the task — the same transaction; a crash loses both or neither.
 */
public class InboxTaskListener implements TaskListener {

    private final InboxReadModel readModel;

    public InboxTaskListener(InboxReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public void notify(DelegateTask task) {
        String actor = actor();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> readModel.upsertOpen(row(task),
                    new InboxReadModel.Event(actor, "created", String.join(",", groups(task))));
            case EVENTNAME_ASSIGNMENT -> {
                // claimed to be completed in the same command: the completion writes the row as it ends (assignee too)
                // and the claim's event with its own
                if (!ClaimAndCompleteCmd.completesInThisCommand(task.getId())) {
                    readModel.upsertOpen(row(task), assignmentEvent(task, actor));
                }
            }
            case EVENTNAME_UPDATE -> {
                if (!assignmentFollows(task)) {
                    readModel.upsertOpen(row(task));
                }
            }
            case EVENTNAME_COMPLETE -> {
                String by = actor != null ? actor : task.getAssignee();
                InboxReadModel.Event completed = new InboxReadModel.Event(by, "completed", null);
                if (ClaimAndCompleteCmd.claimedInThisCommand(task.getId())) {
                    readModel.markEnded(task.getId(), InboxReadModel.STATUS_COMPLETED, by, task.getAssignee(),
                            assignmentEvent(task, actor), completed);
                } else {
                    readModel.markEnded(task.getId(), InboxReadModel.STATUS_COMPLETED, by, task.getAssignee(), completed);
                }
            }
            case EVENTNAME_DELETE -> {
                readModel.markEnded(task.getId(), InboxReadModel.STATUS_DELETED, actor, task.getAssignee(),
                        new InboxReadModel.Event(actor, "deleted", task.getDeleteReason()));
            }
            default -> {
                // timeout events of task listeners carry no change of the task itself
            }
        }
    }

    /**
     * A change of the assignee (a claim, a hand-over, a release) fires "update" and then, in the same command, always
     * "assignment" ({@code TaskEntity.triggerUpdateEvent}), whose handler writes the same row as it stands at the end of
     * the change: the update's own write would be a second upsert of every claimed item.
     */
    static boolean assignmentFollows(DelegateTask task) {
        return task instanceof TaskEntity entity && entity.getPropertyChanges().containsKey(TaskEntity.ASSIGNEE);
    }

    /** The history's line for a change of the assignee: claimed, unclaimed, delegated or assigned, naming the assignee. */
    private static InboxReadModel.Event assignmentEvent(DelegateTask task, String actor) {
        return new InboxReadModel.Event(actor, assignmentAction(task, actor), task.getAssignee());
    }

    private static String assignmentAction(DelegateTask task, String actor) {
        if (task.getAssignee() == null) {
            return "unclaimed";
        }
        if (isDelegated(task) && Objects.equals(actor, task.getOwner())) {
            return "delegated";
        }
        return Objects.equals(actor, task.getAssignee()) ? "claimed" : "assigned";
    }

    /** Delegated and still with the delegate (after a release and a new claim the engine keeps the state PENDING). */
    private static boolean isDelegated(DelegateTask task) {
        return task instanceof TaskEntity entity && entity.getDelegationState() == DelegationState.PENDING
                && task.getAssignee() != null && task.getOwner() != null && !task.getOwner().equals(task.getAssignee());
    }

    private static String actor() {
        CommandContext context = Context.getCommandContext();
        return context == null ? null : context.getAuthenticatedUserId();
    }

    /**
     * The candidate groups as they stand at the end of this change. A task caches its identity links for the command,
     * and a link deleted in the same command (a candidate group replaced) stays in that cache, marked deleted.
     */
    private static List<String> groups(DelegateTask task) {
        CommandContext context = Context.getCommandContext();
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .filter(link -> context == null || !(link instanceof DbEntity entity)
                        || !context.getDbEntityManager().isDeleted(entity))
                .map(IdentityLink::getGroupId)
                .distinct().sorted().toList();
    }

    static InboxReadModel.Row row(DelegateTask task) {
        ExecutionEntity execution = (ExecutionEntity) task.getExecution();
        String definitionKey = execution != null && execution.getProcessDefinition() != null
                ? execution.getProcessDefinition().getKey() : "";
        String businessKey = execution != null ? execution.getProcessBusinessKey() : null;
        VariableScope variables = variablesOf(task, execution);
        Object planTaskId = variables.getVariable(WorkItemVariables.TASK_ID);
        return new InboxReadModel.Row(task.getId(), task.getProcessInstanceId(), definitionKey, businessKey,
                task.getTaskDefinitionKey(), task.getName(), groups(task), task.getAssignee(),
                isDelegated(task) ? task.getOwner() : null, task.getCreateTime(), task.getDueDate(),
                planTaskId instanceof Number n ? n.longValue() : null, text(variables.getVariable(WorkItemVariables.TASK_TITLE)),
                text(variables.getVariable(WorkItemVariables.PLAN_SECTION)), actingDepartment(variables),
                text(variables.getVariable(WorkItemVariables.MILESTONE_TITLE)));
    }

    /**
     * Where the item's variables are read: its execution (and the scopes above it). A task's own variables would be
     * read first, and they cost a query of their own on every event (the engine does not know that a new task has
     * none), while no path of Luoshi sets a variable local to a task ({@code ArchitectureTest} keeps it so).
     */
    private static VariableScope variablesOf(DelegateTask task, ExecutionEntity execution) {
        return execution != null ? execution : task;
    }

    /**
     * The department that has to act on the item: a co-department's sub-report belongs to that co-department (the
     * multi-instance's local {@code coDepartmentCode}), a milestone's other items to its {@code leadDepartmentCode},
     * everything else to the process's {@code departmentCode}.
     */
    private static String actingDepartment(VariableScope variables) {
        Object department = variables.getVariable(WorkItemVariables.CO_DEPARTMENT_CODE);
        if (department == null) {
            department = variables.getVariable(WorkItemVariables.LEAD_DEPARTMENT_CODE);
        }
        return text(department != null ? department : variables.getVariable(WorkItemVariables.DEPARTMENT_CODE));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
