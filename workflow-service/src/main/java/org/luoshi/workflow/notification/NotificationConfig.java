package org.luoshi.workflow.notification;

import io.smallrye.config.ConfigMapping;

/**
 * {@code luoshi.workflow.notification.*}: where notification mails go and what they link to. No defaults: the demo's
 * mail domain must not be where a real deployment's notifications go (application.properties names the variables).
 */
@ConfigMapping(prefix = "luoshi.workflow.notification")
public interface NotificationConfig {
    /** Mailbox of a user; {user} is replaced by the user name. */
    String userMailbox();

    /** Mailbox of a group (department or role); {group} is replaced by its code. */
    String groupMailbox();

    /** workflow-service's public URL, the base of links in notifications. */
    String linkBase();
}
