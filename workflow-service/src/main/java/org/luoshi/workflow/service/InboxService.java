package org.luoshi.workflow.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.jboss.logging.Logger;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.api.CompleteRequest;
import org.luoshi.workflow.api.CompletionResult;
import org.luoshi.workflow.api.Decision;
import org.luoshi.workflow.api.InboxItem;
import org.luoshi.workflow.api.PageResult;
import org.luoshi.workflow.engine.TaskAssignmentProcess;
import org.luoshi.workflow.mapping.InboxItemMapper;

/**
 * The caller's work items: open user tasks offered to one of the caller's departments (candidate group = department
 * code) or assigned to the caller. An item the caller is not entitled to is reported exactly like a missing one.
 *
 * <p>This reads Camunda's task tables directly, which is fine at this scale; past ~1e5 open tasks the
 * candidate-group query slows down and a read model should take over (see docs).
 */
@ApplicationScoped
public class InboxService {
    private static final Logger LOG = Logger.getLogger(InboxService.class);
    private static final String ITEM = "Inbox item";
    private static final String[] LIST_VARIABLES = {
            TaskAssignmentProcess.VAR_TASK_ID, TaskAssignmentProcess.VAR_TASK_TITLE, TaskAssignmentProcess.VAR_DEPARTMENT_CODE };

    @Inject
    TaskService taskService;

    @Inject
    RuntimeService runtimeService;

    @Inject
    RepositoryService repositoryService;

    @Inject
    IdentityService identityService;

    @Inject
    CurrentUser user;

    private final Map<String, String> definitionKeys = new ConcurrentHashMap<>();

    public PageResult<InboxItem> list(int page, int size) {
        TaskQuery query = entitledTasks().orderByTaskCreateTime().asc().orderByTaskId().asc();
        long total = query.count();
        List<Task> tasks = total == 0 ? List.of() : query.listPage(page * size, size);
        return new PageResult<>(toItems(tasks), page, size, total);
    }

    public InboxItem get(String id) {
        Task task = entitledTask(id);
        return toItems(List.of(task)).get(0);
    }

    /**
     * Claims the item for the caller and completes it with the decision, in one transaction: either both happen or
     * neither, so a failed completion never leaves the item claimed.
     */
    @Transactional
    public CompletionResult complete(String id, CompleteRequest request) {
        Task task = entitledTask(id);
        String username = user.username();
        VariableMap variables = Variables.createVariables().putValue(TaskAssignmentProcess.VAR_DECISION, request.decision().name());
        String reason = null;
        if (request.decision() == Decision.ACCEPT) {
            variables.putValue(TaskAssignmentProcess.VAR_ACCEPTED_BY, username);
        } else {
            reason = request.reason().strip();
            variables.putValue(TaskAssignmentProcess.VAR_RETURN_REASON, reason);
            variables.putValue(TaskAssignmentProcess.VAR_RETURNED_BY, username);
        }
        Object taskId = runtimeService.getVariable(task.getProcessInstanceId(), TaskAssignmentProcess.VAR_TASK_ID);
        identityService.setAuthenticatedUserId(username); // the engine's history names who claimed and completed
        try {
            taskService.claim(id, username);
            taskService.complete(id, variables);
        } catch (TaskAlreadyClaimedException | OptimisticLockingException e) {
            throw new ConflictException("The item was taken or changed by someone else meanwhile; reload the inbox");
        } finally {
            identityService.clearAuthentication();
        }
        LOG.infof("%s completed %s (%s) of process %s with %s", username, id, task.getName(), task.getProcessInstanceId(),
                request.decision());
        return new CompletionResult(id, task.getProcessInstanceId(), taskId instanceof Number n ? n.longValue() : null,
                request.decision(), username, reason);
    }

    /** Open tasks the caller may see: offered to one of their departments and unclaimed, or assigned to them. */
    private TaskQuery entitledTasks() {
        List<String> departments = user.departments();
        TaskQuery query = taskService.createTaskQuery().active();
        if (departments.isEmpty()) {
            return query.taskAssignee(user.username());
        }
        return query.or().taskCandidateGroupIn(departments).taskAssignee(user.username()).endOr();
    }

    private Task entitledTask(String id) {
        Task task = entitledTasks().taskId(id).singleResult();
        if (task == null) {
            throw new ResourceNotFoundException(ITEM, id);
        }
        return task;
    }

    private List<InboxItem> toItems(List<Task> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        String[] processInstanceIds = tasks.stream().map(Task::getProcessInstanceId).distinct().toArray(String[]::new);
        Map<String, Map<String, Object>> variables = new HashMap<>();
        for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                .processInstanceIdIn(processInstanceIds)
                .variableNameIn(LIST_VARIABLES)
                .list()) {
            // process-level variables only: their execution is the process instance itself
            if (variable.getExecutionId() != null && variable.getExecutionId().equals(variable.getProcessInstanceId())
                    && variable.getTaskId() == null) {
                variables.computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>())
                        .put(variable.getName(), variable.getValue());
            }
        }
        return tasks.stream()
                .map(task -> InboxItemMapper.toItem(task, definitionKey(task.getProcessDefinitionId()),
                        variables.getOrDefault(task.getProcessInstanceId(), Map.of())))
                .toList();
    }

    private String definitionKey(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        return definitionKeys.computeIfAbsent(processDefinitionId,
                id -> repositoryService.getProcessDefinition(id).getKey());
    }
}
