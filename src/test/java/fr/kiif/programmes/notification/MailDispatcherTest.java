package fr.kiif.programmes.notification;

import static fr.kiif.programmes.notification.MailTestSupport.receivedBy;
import static fr.kiif.programmes.notification.MailTestSupport.unique;
import static fr.kiif.programmes.notification.MailTestSupport.uniqueRecipient;
import static fr.kiif.programmes.notification.MailTestSupport.variables;
import static org.assertj.core.api.Assertions.assertThat;

import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.TestMailServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

class MailDispatcherTest extends SpringTestBase {

    @Autowired
    MailOutbox outbox;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    KiifMailProperties properties;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectProvider<JavaMailSender> mailSender;
    @Autowired
    ObjectProvider<Clock> clock;

    @BeforeEach
    void emptyMailboxes() throws Exception {
        TestMailServer.get().purgeEmailFromAllMailboxes();
    }

    @Test
    void deliversPendingMailInUtf8AndMarksItSent() throws Exception {
        String key = unique("dispatch-ok");
        String recipient = uniqueRecipient();
        outbox.enqueue(key, recipient, "test-message", variables("MT26-0101"), "MT26-0101");

        assertThat(dispatcher.isSmtpConfigured()).isTrue();
        dispatcher.dispatchDue();

        List<MimeMessage> messages = receivedBy(recipient);
        assertThat(messages).hasSize(1);
        MimeMessage message = messages.get(0);
        assertThat(message.getSubject())
                .isEqualTo("Dossier MT26-0101 : accusé de réception – « Épicerie solidaire des Pâquerettes »");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("programmes@kiif.fr");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Kiif Programmes");
        assertThat(message.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("UTF-8");
        assertThat(((String) message.getContent()).replace("\r\n", "\n"))
                .startsWith("Bonjour Amélie Nguyễn,")
                .contains("http://localhost:8080/suivi/MT26-0101?jeton=abc123")
                .contains("L'équipe Kiif Programmes");

        OutboxMail row = outbox.findByDedupKey(key).orElseThrow();
        assertThat(row.status()).isEqualTo(MailStatus.SENT);
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.sentAt()).isNotNull();

        dispatcher.dispatchDue();
        assertThat(receivedBy(recipient)).hasSize(1);
    }

    @Test
    void smtpDownKeepsMailPendingThenDeliversItExactlyOnce() throws Exception {
        String key = unique("dispatch-down");
        String recipient = uniqueRecipient();
        outbox.enqueue(key, recipient, "test-message", variables("MT26-0102"), "MT26-0102");

        TestMailServer.stop();
        try {
            dispatcher.dispatchDue();
        } finally {
            TestMailServer.start();
        }

        OutboxMail failed = outbox.findByDedupKey(key).orElseThrow();
        assertThat(failed.status()).isEqualTo(MailStatus.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).isNotBlank();
        assertThat(failed.nextAttemptAt()).isAfter(Instant.now().plusSeconds(50));

        // Not due yet: the server is back but the backoff holds.
        dispatcher.dispatchDue();
        assertThat(receivedBy(recipient)).isEmpty();

        makeDue(key);
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(receivedBy(recipient)).hasSize(1);
        OutboxMail sent = outbox.findByDedupKey(key).orElseThrow();
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void lastAllowedAttemptFailingMarksMailFailed() throws Exception {
        String key = unique("dispatch-max");
        String recipient = uniqueRecipient();
        outbox.enqueue(key, recipient, "test-message", variables("MT26-0103"), "MT26-0103");
        jdbc.sql("update mail_outbox set attempts = :attempts where dedup_key = :key")
                .param("attempts", properties.maxAttempts() - 1)
                .param("key", key)
                .update();

        TestMailServer.stop();
        try {
            dispatcher.dispatchDue();
        } finally {
            TestMailServer.start();
        }

        OutboxMail failed = outbox.findByDedupKey(key).orElseThrow();
        assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(properties.maxAttempts());
        assertThat(failed.lastError()).isNotBlank();

        makeDue(key);
        dispatcher.dispatchDue();
        assertThat(receivedBy(recipient)).isEmpty();
        assertThat(outbox.findByDedupKey(key).orElseThrow().status()).isEqualTo(MailStatus.FAILED);
    }

    @Test
    void invalidRecipientFailsWithoutRetrying() {
        String key = unique("dispatch-invalid");
        outbox.enqueue(key, "pas une adresse@@", "test-message", variables("MT26-0104"), "MT26-0104");

        dispatcher.dispatchDue();

        OutboxMail failed = outbox.findByDedupKey(key).orElseThrow();
        assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
    }

    @Test
    void concurrentDispatchersSendEachMailOnce() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String recipient = uniqueRecipient();
            recipients.add(recipient);
            outbox.enqueue(unique("dispatch-concurrent"), recipient, "test-message", variables("MT26-0105"),
                    "MT26-0105");
        }

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> runs = List.of(dispatcher::dispatchDue, dispatcher::dispatchDue,
                    dispatcher::dispatchDue, dispatcher::dispatchDue);
            for (Future<Integer> run : pool.invokeAll(runs)) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        for (String recipient : recipients) {
            assertThat(receivedBy(recipient)).as(recipient).hasSize(1);
        }
    }

    @Test
    void withoutSmtpHostMailsAreKeptPending() {
        MailDispatcher withoutSmtp = new MailDispatcher(jdbc, mailSender, properties, " ", clock);
        String key = unique("dispatch-kept");
        String recipient = uniqueRecipient();
        outbox.enqueue(key, recipient, "test-message", variables("MT26-0106"), "MT26-0106");

        assertThat(withoutSmtp.isSmtpConfigured()).isFalse();
        assertThat(withoutSmtp.dispatchDue()).isZero();

        assertThat(receivedBy(recipient)).isEmpty();
        OutboxMail kept = outbox.findByDedupKey(key).orElseThrow();
        assertThat(kept.status()).isEqualTo(MailStatus.PENDING);
        assertThat(kept.attempts()).isZero();
    }

    @Test
    void retryDelayDoublesFromOneMinuteUpToOneHour() {
        assertThat(MailDispatcher.retryDelay(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(MailDispatcher.retryDelay(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailDispatcher.retryDelay(6)).isEqualTo(Duration.ofMinutes(32));
        assertThat(MailDispatcher.retryDelay(7)).isEqualTo(Duration.ofHours(1));
        assertThat(MailDispatcher.retryDelay(50)).isEqualTo(Duration.ofHours(1));
    }

    private void makeDue(String key) {
        jdbc.sql("update mail_outbox set next_attempt_at = :past where dedup_key = :key")
                .param("past", Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC))
                .param("key", key)
                .update();
    }
}
