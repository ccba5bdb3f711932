package org.luoshi.workflow.notification;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.luoshi.common.problem.ResourceNotFoundException;
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
        return list(page, size, null);
    }

    /** The caller's notifications, only those about the milestone when one is given (e.g. the 催办 it received). */
    public PageResult<NotificationView> list(int page, int size, Long milestoneId) {
        Set<String> groups = groups();
        long total = store.countFor(user.username(), groups, milestoneId);
        List<NotificationView> items = total == 0 ? List.of()
                : store.findFor(user.username(), groups, milestoneId, page * size, size).stream().map(NotificationService::view)
                        .toList();
        return new PageResult<>(items, page, size, total);
    }

    public long unread() {
        return store.countUnreadFor(user.username(), groups());
    }

    /** Marks one of the caller's notifications read; another's, or none, is not found (404). */
    public void markRead(long id) {
        if (!store.markRead(id, user.username(), groups(), Instant.now())) {
            throw new ResourceNotFoundException("Notification", id);
        }
    }

    /** Marks all the caller's notifications read; returns how many were unread. */
    public int markAllRead() {
        return store.markAllRead(user.username(), groups(), Instant.now());
    }

    /** The groups a notification may be addressed to for the caller: their departments and roles. */
    private Set<String> groups() {
        Set<String> groups = new LinkedHashSet<>(user.departments());
        groups.addAll(user.roles());
        return groups;
    }

    private static NotificationView view(Notification n) {
        return new NotificationView(n.id(), n.kind().name(), n.recipientType().name(), n.recipient(), n.subject(), n.body(),
                n.link(), n.processInstanceId(), n.taskId(), n.milestoneId(), n.createdAt(), n.mailedAt(), n.readAt() != null);
    }
}
