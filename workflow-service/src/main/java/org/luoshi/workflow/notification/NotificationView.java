package org.luoshi.workflow.notification;

import java.time.Instant;

/** A notification for the caller (their user, one of their departments or roles); {@code read} by the caller. */
public record NotificationView(long id, String kind, String recipientType, String recipient, String subject, String body,
        String link, String processInstanceId, Long taskId, Long milestoneId, Instant createdAt, Instant mailedAt, boolean read) {
}
