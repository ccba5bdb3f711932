package org.luoshi.workflow.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;

/**
 * Stores a notification per recipient and sends it by e-mail. The rows are written in the caller's transaction (the
 * engine job); the mails go out only after that transaction committed, so a job that fails and is retried neither
 * duplicates rows (unique occasion key) nor sends mail for a step that did not happen. A failed send is recorded on
 * the row ({@code mail_error}) and logged; it does not undo the notification, and the sweeper tries it again once its
 * claim lapsed (a few times in all, {@code NotificationStore.MAIL_ATTEMPTS}).
 *
 * <p>Delivery is durable across nodes: a row is mailed by the node that claims it (a lease on the row, see
 * {@link NotificationStore#claim}). Right after the commit the node that stored it claims and mails it; a node killed
 * before that leaves the row unmailed and unclaimed (or claimed with a lease that lapses), and every node's
 * {@link #sweep() sweeper} claims such rows once they have waited {@code unmailed-after} and mails them. Two nodes
 * never claim the same row at once, so a mail goes out once — except in one window: a node killed after its SMTP
 * server took a mail and before the row was marked mailed leaves a row whose claim lapses and which is mailed again
 * (at most the mails that node had in flight).
 */
@ApplicationScoped
public class Notifier {
    private static final Logger LOG = Logger.getLogger(Notifier.class);
    /** Rows a sweep claims at a time: each is held for {@code mail-claim}, which a batch must not outlast. */
    static final int SWEEP_BATCH = 50;

    @Inject
    NotificationStore store;

    @Inject
    Mailer mailer;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    NotificationConfig config;

    /** The claimant's name on a row; the engine's node name when set, so that a row shows which node mails it. */
    private final String node;

    @Inject
    Notifier(@ConfigProperty(name = "luoshi.workflow.engine.node-id") Optional<String> nodeId) {
        this.node = nodeId.orElseGet(() -> "node-" + UUID.randomUUID());
    }

    /** Stores and (after commit) mails; returns how many new notifications were stored. */
    public int send(NotificationDraft draft) {
        List<Long> stored = new ArrayList<>();
        for (Recipient recipient : draft.recipients().stream().distinct().toList()) {
            String key = draft.dedupKey() + ":" + recipient.type() + ":" + recipient.name();
            Long id = store.insert(draft, recipient, key, Instant.now());
            if (id != null) {
                stored.add(id);
            }
        }
        if (stored.isEmpty()) {
            return 0;
        }
        if (transactions.getTransactionKey() != null) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        mailAll(stored);
                    }
                }
            });
        } else {
            mailAll(stored);
        }
        return stored.size();
    }

    /**
     * Mails the rows no node mailed although they have waited {@code unmailed-after}: those of a node that died
     * between its commit and its sends. Every node sweeps; claims keep them from sending a row twice. The first sweep
     * waits {@code sweep-delay} after the start: a node that comes back after a crash would otherwise mail the whole
     * backlog while the engine is still being built, and the mails can wait, the readiness cannot.
     */
    @Scheduled(every = "${luoshi.workflow.notification.sweep-every}", delayed = "${luoshi.workflow.notification.sweep-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void sweep() {
        List<NotificationStore.Claimed> claimed;
        do {
            claimed = store.claimUnmailed(config.unmailedAfter(), SWEEP_BATCH, node, config.mailClaim());
            if (!claimed.isEmpty()) {
                LOG.infof("Mailing %d notification(s) that waited unmailed (their node stopped before sending)", claimed.size());
            }
            claimed.forEach(this::mail);
        } while (claimed.size() == SWEEP_BATCH);
    }

    /**
     * Jobs mail on their own thread. A request (e.g. a 催办 by hand) runs on a Vert.x worker thread whose context runs
     * its tasks one after the other: the blocking mailer would wait there for a callback queued behind itself (a
     * 30-second stall, then a failed send), so requests hand the mails to a thread of their own.
     */
    private void mailAll(List<Long> ids) {
        if (io.vertx.core.Context.isOnVertxThread()) {
            MAIL_THREAD.execute(() -> claimAndMail(ids));
        } else {
            claimAndMail(ids);
        }
    }

    private void claimAndMail(List<Long> ids) {
        try {
            store.claim(ids, node, config.mailClaim()).forEach(this::mail);
        } catch (RuntimeException e) {
            // the rows stay unclaimed: a sweeper mails them
            LOG.warnf(e, "Notifications %s could not be claimed for mailing; the sweeper will mail them", ids);
        }
    }

    private static final java.util.concurrent.ExecutorService MAIL_THREAD = java.util.concurrent.Executors
            .newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "luoshi-mail");
                thread.setDaemon(true);
                return thread;
            });

    public String mailbox(Recipient recipient) {
        return recipient.type() == Recipient.Type.USER ? config.userMailbox().replace("{user}", recipient.name())
                : config.groupMailbox().replace("{group}", recipient.name());
    }

    private void mail(NotificationStore.Claimed claimed) {
        String to = mailbox(claimed.recipient());
        try {
            mailer.send(Mail.withText(to, claimed.subject(), claimed.body() + "\n\n" + claimed.link()));
            store.markMailed(claimed.id(), to, null);
            LOG.infof("Notification %d mailed to %s: %s", claimed.id(), to, claimed.subject());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Notification %d could not be mailed to %s", claimed.id(), to);
            try {
                store.markMailed(claimed.id(), to, String.valueOf(e.getMessage()));
            } catch (RuntimeException ignored) {
                // the log line above is all we can do
            }
        }
    }
}
