package org.luoshi.workflow.notification;

import java.time.Instant;

/** A stored notification (table luoshi_notification); {@code readAt} when the reader it was listed for read it. */
public record Notification(long id, Recipient.Type recipientType, String recipient, NotificationKind kind, String subject,
        String body, String link, String processInstanceId, Long taskId, Long milestoneId, Instant createdAt,
        Instant mailedAt, String mailedTo, Instant readAt) {
}
