package org.luoshi.workflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.luoshi.workflow.milestone.MilestoneTestResources;

import com.icegreen.greenmail.util.GreenMail;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Mail delivery survives the node that stored a notification: a row its node never mailed (killed between commit and
 * send) is mailed by any node's sweeper once it has waited, and a row is mailed by one claimant only.
 */
@QuarkusTest
@WithTestResource(MilestoneTestResources.class)
class MailSweepTest {

    @Inject
    Notifier notifier;

    @Inject
    NotificationStore store;

    @Inject
    DataSource dataSource;

    @MilestoneTestResources.Inject
    GreenMail mail;

    /** A row as its node left it when it was killed after the commit: stored a minute ago, never mailed. */
    private long orphan(String subject, Instant createdAt) {
        NotificationDraft draft = new NotificationDraft(NotificationKind.URGING, List.of(Recipient.group("haidian")), subject,
                "节点已逾期", "http://localhost:8082/inbox", null, null, null, "sweep-test:" + UUID.randomUUID());
        return store.insert(draft, Recipient.group("haidian"), draft.dedupKey() + ":GROUP:haidian", createdAt);
    }

    private List<String> mailsWithSubject(String subject) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            if (subject.equals(message.getSubject())) {
                to.add(String.join(",", message.getHeader("To")));
            }
        }
        return to;
    }

    private void update(String sql, long id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    private boolean mailed(long id) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select mailed_at is not null from luoshi_notification where id = ?")) {
            s.setLong(1, id);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

    @Test
    void aNotificationItsNodeNeverMailedIsMailedOnceByTheSweeper() throws Exception {
        String subject = "催办 " + UUID.randomUUID();
        long id = orphan(subject, Instant.now().minusSeconds(60));

        notifier.sweep();
        notifier.sweep();

        assertThat(mailsWithSubject(subject)).containsExactly("haidian@demo.luoshi.example");
        assertThat(mailed(id)).isTrue();
    }

    @Test
    void aRowJustStoredIsLeftToItsOwnNode() throws Exception {
        String subject = "催办 " + UUID.randomUUID();
        long id = orphan(subject, Instant.now());

        notifier.sweep();

        assertThat(mailsWithSubject(subject)).isEmpty();
        assertThat(mailed(id)).isFalse();
        update("update luoshi_notification set created_at = created_at - interval '1 minute' where id = ?", id);
        notifier.sweep();
        assertThat(mailsWithSubject(subject)).hasSize(1);
    }

    @Test
    void aRowAnotherNodeHoldsIsNotMailedUntilItsClaimLapses() throws Exception {
        String subject = "催办 " + UUID.randomUUID();
        long id = orphan(subject, Instant.now().minusSeconds(60));
        update("update luoshi_notification set mail_claimed_by = 'other-node', "
                + "mail_claimed_until = now() + interval '1 minute' where id = ?", id);

        notifier.sweep();
        assertThat(mailsWithSubject(subject)).isEmpty();

        // the other node died holding it
        update("update luoshi_notification set mail_claimed_until = now() - interval '1 second' where id = ?", id);
        notifier.sweep();
        assertThat(mailsWithSubject(subject)).hasSize(1);
        assertThat(mailed(id)).isTrue();
    }

    @Test
    void aFailedSendIsTriedAgainOnceItsClaimLapsedAFewTimesInAll() throws Exception {
        String subject = "催办 " + UUID.randomUUID();
        long failed = orphan(subject, Instant.now().minusSeconds(60));
        update("update luoshi_notification set mail_error = 'SMTP server away', mail_attempts = 1, "
                + "mail_claimed_until = now() - interval '1 second' where id = ?", failed);
        String given = "催办 " + UUID.randomUUID();
        long givenUp = orphan(given, Instant.now().minusSeconds(60));
        update("update luoshi_notification set mail_error = 'SMTP server away', mail_attempts = "
                + NotificationStore.MAIL_ATTEMPTS + " where id = ?", givenUp);

        notifier.sweep();

        assertThat(mailsWithSubject(subject)).hasSize(1);
        assertThat(mailed(failed)).isTrue();
        assertThat(mailsWithSubject(given)).isEmpty();
    }

    @Test
    void aNotificationMailedRightAwayIsNotMailedAgainBySweepers() throws Exception {
        String subject = "催办 " + UUID.randomUUID();
        NotificationDraft draft = new NotificationDraft(NotificationKind.URGING, List.of(Recipient.user("li.na")), subject,
                "节点已逾期", "http://localhost:8082/inbox", null, null, null, "sweep-test:" + UUID.randomUUID());
        assertThat(notifier.send(draft)).isEqualTo(1);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update luoshi_notification set created_at = created_at - interval '1 minute' where subject = ?")) {
            s.setString(1, subject);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        notifier.sweep();

        assertThat(mailsWithSubject(subject)).containsExactly("li.na@demo.luoshi.example");
    }
}
