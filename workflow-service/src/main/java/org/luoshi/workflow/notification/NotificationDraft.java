package org.luoshi.workflow.notification;

import java.util.List;

/**
 * What to tell whom. {@code dedupKey} identifies the occasion (e.g. {@code <processInstanceId>:URGING:<time>}): the
 * same occasion again (a retried job) stores and mails nothing more.
 */
public record NotificationDraft(NotificationKind kind, List<Recipient> recipients, String subject, String body,
        String link, String processInstanceId, Long taskId, Long milestoneId, String dedupKey) {
}
