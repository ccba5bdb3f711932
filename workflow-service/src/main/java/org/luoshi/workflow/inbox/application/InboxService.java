package org.luoshi.workflow.inbox.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.jboss.logging.Logger;
import org.luoshi.workflow.directory.DepartmentNames;
import org.luoshi.workflow.directory.PeopleNames;
import org.luoshi.common.problem.ConflictException;
import org.luoshi.common.problem.ResourceNotFoundException;
import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.assignment.api.CompleteRequest;
import org.luoshi.workflow.assignment.api.CompletionResult;
import org.luoshi.workflow.assignment.api.Decision;
import org.luoshi.workflow.inbox.api.InboxItem;
import org.luoshi.workflow.inbox.api.InboxCount;
import org.luoshi.workflow.inbox.api.InboxPage;
import org.luoshi.workflow.shared.PageResult;
import org.luoshi.workflow.assignment.domain.TaskAssignmentProcess;
import org.luoshi.workflow.assignment.application.AcceptanceCheck;
import org.luoshi.workflow.assignment.application.CompletionForms;
import org.luoshi.workflow.workitem.WorkItems;
import org.luoshi.workflow.workitem.EntitledTasks;
import org.luoshi.workflow.workitem.ItemKinds;

/**
 * The caller's work items: open user tasks offered to one of the caller's departments (candidate group = department
 * code) or assigned to the caller. An item the caller is not entitled to is reported exactly like a missing one.
 *
 * <p>Lists and entitlement checks read the inbox read model ({@link InboxQueries}), never Camunda's candidate-group
 * task query, which slows down past ~1e5 tasks; the engine is only asked for the one task being completed.
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
    EntitledTasks entitledTasks;

    @Inject
    ItemKinds itemKinds;

    @Inject
    RuntimeService runtimeService;

    @Inject
    RepositoryService repositoryService;

    @Inject
    WorkItems workItems;

    @Inject
    CurrentUser user;

    @Inject
    InboxQueries queries;

    @Inject
    AcceptanceCheck acceptanceCheck;

    @Inject
    DepartmentNames departments;

    @Inject
    PeopleNames people;

    public InboxPage list(int page, int size, InboxQueries.Filter filter) {
        InboxPage inbox = queries.list(InboxEntitlement.of(user), filter, page, size);
        return new InboxPage(inbox.items().stream().map(this::named).toList(), inbox.page(), inbox.size(), inbox.total(),
                inbox.overdue());
    }

    private InboxItem named(InboxItem item) {
        return item.named(departments.name(item.departmentCode()), people.name(item.assignee()),
                people.name(item.delegatedBy()));
    }

    public InboxCount count(InboxQueries.Filter filter) {
        return queries.count(InboxEntitlement.of(user), filter);
    }

    public PageResult<InboxItem> list(int page, int size) {
        InboxPage inbox = list(page, size, InboxQueries.Filter.NONE);
        return new PageResult<>(inbox.items(), page, size, inbox.total());
    }

    public InboxItem get(String id) {
        return queries.findOpenEntitled(id, InboxEntitlement.of(user))
                .map(found -> named(found.item())).orElseThrow(() -> new ResourceNotFoundException(ITEM, id));
    }

    /**
     * Claims the item for the caller and completes it with the decision, in one transaction: either both happen or
     * neither, so a failed completion never leaves the item claimed.
     */
    @Transactional
    public CompletionResult complete(String id, CompleteRequest request) {
        Task task = entitledTasks.openToDecide(id, ITEM);
        if (!itemKinds.completedByInbox(task.getTaskDefinitionKey())) {
            // one way per kind: milestone and adjustment items have their own forms and endpoints
            throw new ConflictException("Item " + id + " (" + task.getName() + ") is not completed through the inbox: "
                    + itemKinds.howToComplete(task.getTaskDefinitionKey()));
        }
        String username = user.username();
        VariableMap variables = CompletionForms.variables(task.getTaskDefinitionKey(), request, username);
        if (TaskAssignmentProcess.ACCEPT_TASK.equals(task.getTaskDefinitionKey()) && request.decision() == Decision.ACCEPT) {
            acceptanceCheck.check(task.getProcessInstanceId(), username);
        }
        String reason = request.decision() == Decision.RETURN ? request.reason().strip() : null;
        Object taskId = runtimeService.getVariable(task.getProcessInstanceId(), TaskAssignmentProcess.VAR_TASK_ID);
        workItems.claimAndComplete(id, username, variables);
        LOG.infof("%s completed %s (%s) of process %s with %s", username, id, task.getName(), task.getProcessInstanceId(),
                request.decision());
        return new CompletionResult(id, task.getProcessInstanceId(), taskId instanceof Number n ? n.longValue() : null,
                request.decision(), username, reason);
    }
}
