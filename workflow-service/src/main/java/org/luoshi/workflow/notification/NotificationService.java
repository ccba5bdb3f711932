package org.luoshi.workflow.notification;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.common.security.CurrentUser;
import org.luoshi.workflow.shared.PageResult;

/** The caller's notifications: addressed to their user, one of their departments or one of their roles. */
@ApplicationScoped
public class NotificationService {

    @Inject
    NotificationStore store;

    @Inject
    CurrentUser user;

    public PageResult<NotificationView> list(int page, int size) {
        Set<String> groups = new LinkedHashSet<>(user.departments());
        groups.addAll(user.roles());
        long total = store.countFor(user.username(), groups);
        List<NotificationView> items = total == 0 ? List.of()
                : store.findFor(user.username(), groups, page * size, size).stream().map(NotificationService::view).toList();
        return new PageResult<>(items, page, size, total);
    }

    private static NotificationView view(Notification n) {
        return new NotificationView(n.id(), n.kind().name(), n.recipientType().name(), n.recipient(), n.subject(), n.body(),
                n.link(), n.processInstanceId(), n.taskId(), n.milestoneId(), n.createdAt(), n.mailedAt());
    }
}
