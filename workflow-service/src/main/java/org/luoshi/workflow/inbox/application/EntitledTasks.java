package org.luoshi.workflow.inbox.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.workitem.DecisionPolicy;

/**
 * The one entitlement check for every kind of item: the open engine task, if the inbox read model says it is the
 * caller's (their departments, their roles, or held by them); 404 otherwise, so missing and foreign look the same.
 */
@ApplicationScoped
public class EntitledTasks {
    @Inject
    InboxQueries queries;

    @Inject
    TaskService taskService;

    @Inject
    CurrentUser user;

    /**
     * The open item for the caller to decide: a deciding kind of item (see {@link DecisionPolicy}) is refused with 403
     * to a caller without its role before entitlement is looked at, so that a staff member placed in the supervising
     * office's department learns that the role is wrong rather than being shown the item.
     */
    public Task openToDecide(String id, String itemName) {
        Task task = taskService.createTaskQuery().taskId(id).active().singleResult();
        if (task == null) {
            throw new ResourceNotFoundException(itemName, id);
        }
        DecisionPolicy.requireDecidingRole(user, task.getTaskDefinitionKey());
        return open(id, itemName);
    }

    public Task open(String id, String itemName) {
        if (queries.findOpenEntitled(id, InboxEntitlement.of(user)).isEmpty()) {
            throw new ResourceNotFoundException(itemName, id);
        }
        Task task = taskService.createTaskQuery().taskId(id).active().singleResult();
        if (task == null) {
            throw new ResourceNotFoundException(itemName, id);
        }
        return task;
    }
}
