package fr.kiif.programmes.notification;

import static fr.kiif.programmes.notification.MailTestSupport.unique;
import static fr.kiif.programmes.notification.MailTestSupport.uniqueRecipient;
import static fr.kiif.programmes.notification.MailTestSupport.variables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.kiif.programmes.support.SpringTestBase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class MailOutboxTest extends SpringTestBase {

    @Autowired
    MailOutbox outbox;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    IdentityService identityService;

    @Test
    void enqueueRendersSubjectAndBodyAsPending() {
        String key = unique("outbox-render");
        String recipient = uniqueRecipient();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        outbox.enqueue(key, recipient, "test-message", variables("MT26-0001"), "MT26-0001");

        OutboxMail mail = outbox.findByDedupKey(key).orElseThrow();
        assertThat(mail.recipient()).isEqualTo(recipient);
        assertThat(mail.subject())
                .isEqualTo("Dossier MT26-0001 : accusé de réception – « Épicerie solidaire des Pâquerettes »");
        assertThat(mail.body())
                .startsWith("Bonjour Amélie Nguyễn,\n\nNous avons bien reçu")
                .contains("Suivre votre dossier : http://localhost:8080/suivi/MT26-0001?jeton=abc123.")
                .endsWith("L'équipe Kiif Programmes\n");
        assertThat(mail.applicationRef()).isEqualTo("MT26-0001");
        assertThat(mail.status()).isEqualTo(MailStatus.PENDING);
        assertThat(mail.attempts()).isZero();
        assertThat(mail.nextAttemptAt()).isBetween(before, Instant.now());
        assertThat(mail.createdAt()).isEqualTo(mail.nextAttemptAt());
        assertThat(mail.sentAt()).isNull();
        assertThat(mail.lastError()).isNull();
    }

    @Test
    void variablesAreWrittenVerbatimNotHtmlEscaped() {
        String key = unique("outbox-verbatim");
        outbox.enqueue(key, uniqueRecipient(), "test-message", Map.of("reference", "MT26-0004",
                "title", "L'Atelier & <Fils> \"bio\"", "name", "O'Brien", "token", "a&b"), "MT26-0004");

        OutboxMail mail = outbox.findByDedupKey(key).orElseThrow();
        assertThat(mail.subject()).endsWith("« L'Atelier & <Fils> \"bio\" »");
        assertThat(mail.body()).startsWith("Bonjour O'Brien,").contains("?jeton=a&b.");
    }

    @Test
    void rolledBackTransactionLeavesNoMail() {
        String key = unique("outbox-rollback");
        String userId = "mailtestrb" + Long.toHexString(System.nanoTime());

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            // An engine write in the same transaction, as a process step would do.
            User user = identityService.newUser(userId);
            user.setEmail("rollback@example.org");
            identityService.saveUser(user);
            outbox.enqueue(key, uniqueRecipient(), "test-message", variables("MT26-0002"), "MT26-0002");
            assertThat(outbox.findByDedupKey(key)).isPresent();
            status.setRollbackOnly();
        });

        assertThat(outbox.findByDedupKey(key)).isEmpty();
        assertThat(identityService.createUserQuery().userId(userId).count()).isZero();
    }

    @Test
    void sameDedupKeyTwiceKeepsOneRowAndTheFirstContent() {
        String key = unique("outbox-dedup");
        String recipient = uniqueRecipient();

        outbox.enqueue(key, recipient, "test-message", variables("MT26-0003"), "MT26-0003");
        // A retried job in its own transaction: must neither fail nor add a row.
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                outbox.enqueue(key, "autre@example.org", "test-message", variables("MT26-9999"), "MT26-9999"));

        assertThat(outbox.findRecent("MT26-0003", 10)).filteredOn(m -> m.dedupKey().equals(key)).hasSize(1);
        assertThat(outbox.findRecent("MT26-9999", 10)).noneMatch(m -> m.dedupKey().equals(key));
        assertThat(outbox.findByDedupKey(key).orElseThrow().recipient()).isEqualTo(recipient);
    }

    @Test
    void unknownTemplateOrBlankRecipientIsRejected() {
        assertThatThrownBy(() -> outbox.enqueue(unique("outbox-bad"), "a@example.org", "no-such-template",
                Map.of(), null)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> outbox.enqueue(unique("outbox-bad"), " ", "test-message", Map.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> outbox.enqueue(unique("outbox-bad"), "a@example.org", "../application",
                Map.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }
}
