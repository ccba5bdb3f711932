package org.luoshi.workflow.workitem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.security.CurrentUser;

/**
 * The one entitlement check for every kind of item: the open engine task, if the inbox read model says it is the
 * caller's (offered to one of their groups); 404 otherwise, so missing and foreign look the same.
 */
@ApplicationScoped
public class EntitledTasks {
    @Inject
    VisibleItems visible;

    @Inject
    TaskService taskService;

    @Inject
    ItemKinds itemKinds;

    @Inject
    WorkItems workItems;

    @Inject
    CurrentUser user;

    /**
     * The open item for the caller to decide: a deciding kind of item (see {@link ItemKinds#requireDecidingRole}) is
     * refused with 403 to a caller without its role before entitlement is looked at, so that a staff member placed in
     * the supervising office's department learns that the role is wrong rather than being shown the item.
     */
    public Task openToDecide(String id, String itemName) {
        Task task = activeTask(id, itemName);
        itemKinds.requireDecidingRole(user, task.getTaskDefinitionKey());
        requireOpenForCaller(id, itemName);
        return task;
    }

    public Task open(String id, String itemName) {
        requireOpenForCaller(id, itemName);
        return activeTask(id, itemName);
    }

    private void requireOpenForCaller(String id, String itemName) {
        if (!visible.isOpenForCaller(id)) {
            throw new ResourceNotFoundException(itemName, id);
        }
    }

    private Task activeTask(String id, String itemName) {
        Task task = workItems.activeTask(id);
        if (task == null) {
            throw new ResourceNotFoundException(itemName, id);
        }
        return task;
    }

    /**
     * The caller's open items of a process, oldest first: of one instance, or of every instance when none is named.
     * Who may see which item is the inbox read model's answer, not Camunda's candidate-group query.
     */
    public List<Task> openOfProcess(String processKey, String processInstanceId) {
        List<String> ids = visible.openOfProcessForCaller(processKey, processInstanceId);
        if (ids.isEmpty()) {
            return List.of();
        }
        TaskQuery query = taskService.createTaskQuery().active().taskIdIn(ids.toArray(String[]::new));
        if (processInstanceId != null && !processInstanceId.isBlank()) {
            query.processInstanceId(processInstanceId);
        }
        return query.orderByTaskCreateTime().asc().list();
    }
}
