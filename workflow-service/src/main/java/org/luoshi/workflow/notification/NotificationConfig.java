package org.luoshi.workflow.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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

    /**
     * How long a node holds the claim on a notification it is mailing: a claim of a node that died lapses after it,
     * and the row is mailed by another. Longer than one send takes (the SMTP timeouts).
     */
    @WithDefault("PT2M")
    Duration mailClaim();

    /**
     * How often each node sweeps for notifications left unmailed (read by {@code Notifier.sweep}'s schedule); {@code off}
     * in tests, which sweep by hand.
     */
    String sweepEvery();

    /** How long after the start the first sweep waits (read by {@code Notifier.sweep}'s schedule): after readiness. */
    String sweepDelay();

    /** How long a notification waits unmailed before any node's sweeper mails it (its own node should have). */
    @WithDefault("PT10S")
    Duration unmailedAfter();
}
