package org.luoshi.workflow.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code luoshi.workflow.notification.*}: where notification mails go and what they link to. */
@ConfigMapping(prefix = "luoshi.workflow.notification")
public interface NotificationConfig {
    /** Mailbox of a user; {user} is replaced by the user name. */
    @WithDefault("{user}@demo.luoshi.example")
    String userMailbox();

    /** Mailbox of a group (department or role); {group} is replaced by its code. */
    @WithDefault("{group}@demo.luoshi.example")
    String groupMailbox();

    /** workflow-service's public URL, the base of links in notifications. */
    @WithDefault("http://localhost:8082")
    String linkBase();
}
