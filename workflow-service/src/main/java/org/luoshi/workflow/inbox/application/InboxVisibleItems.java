package org.luoshi.workflow.inbox.application;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.workitem.VisibleItems;

/** The inbox read model's answer to which open items the caller may see. */
@ApplicationScoped
public class InboxVisibleItems implements VisibleItems {
    @Inject
    InboxQueries queries;

    @Inject
    CurrentUser user;

    @Override
    public boolean isOpenForCaller(String taskId) {
        return queries.findOpenEntitled(taskId, InboxEntitlement.of(user)).isPresent();
    }

    @Override
    public List<String> openOfProcessForCaller(String processKey, String processInstanceId) {
        return queries.list(InboxEntitlement.of(user), InboxQueries.Filter.ofProcess(processKey, processInstanceId), 0, 100)
                .items().stream().map(item -> item.id()).toList();
    }
}
