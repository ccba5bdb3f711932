package org.luoshi.workflow.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/**
 * Stores a notification per recipient and sends it by e-mail. The rows are written in the caller's transaction (the
 * engine job); the mails go out only after that transaction committed, so a job that fails and is retried neither
 * duplicates rows (unique occasion key) nor sends mail for a step that did not happen. A failed send is recorded on
 * the row ({@code mail_error}) and logged; it does not undo the notification.
 */
@ApplicationScoped
public class Notifier {
    private static final Logger LOG = Logger.getLogger(Notifier.class);

    @Inject
    NotificationStore store;

    @Inject
    Mailer mailer;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    NotificationConfig config;

    /** Stores and (after commit) mails; returns how many new notifications were stored. */
    public int send(NotificationDraft draft) {
        List<Outgoing> outgoing = new ArrayList<>();
        for (Recipient recipient : draft.recipients().stream().distinct().toList()) {
            String key = draft.dedupKey() + ":" + recipient.type() + ":" + recipient.name();
            Long id = store.insert(draft, recipient, key, Instant.now());
            if (id != null) {
                outgoing.add(new Outgoing(id, mailbox(recipient), draft.subject(), draft.body() + "\n\n" + draft.link()));
            }
        }
        if (outgoing.isEmpty()) {
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
                        mailAll(outgoing);
                    }
                }
            });
        } else {
            mailAll(outgoing);
        }
        return outgoing.size();
    }

    /**
     * Jobs mail on their own thread. A request (e.g. a 催办 by hand) runs on a Vert.x worker thread whose context runs
     * its tasks one after the other: the blocking mailer would wait there for a callback queued behind itself (a
     * 30-second stall, then a failed send), so requests hand the mails to a thread of their own.
     */
    private void mailAll(List<Outgoing> outgoing) {
        if (io.vertx.core.Context.isOnVertxThread()) {
            MAIL_THREAD.execute(() -> outgoing.forEach(this::mail));
        } else {
            outgoing.forEach(this::mail);
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

    private void mail(Outgoing mail) {
        try {
            mailer.send(Mail.withText(mail.to(), mail.subject(), mail.text()));
            store.markMailed(mail.id(), mail.to(), null);
            LOG.infof("Notification %d mailed to %s: %s", mail.id(), mail.to(), mail.subject());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Notification %d could not be mailed to %s", mail.id(), mail.to());
            try {
                store.markMailed(mail.id(), mail.to(), String.valueOf(e.getMessage()));
            } catch (RuntimeException ignored) {
                // the log line above is all we can do
            }
        }
    }

    private record Outgoing(long id, String to, String subject, String text) {
    }
}
