package fr.kiif.programmes.notification;

import static fr.kiif.programmes.notification.MailTestSupport.receivedBy;
import static fr.kiif.programmes.notification.MailTestSupport.unique;
import static fr.kiif.programmes.notification.MailTestSupport.uniqueRecipient;
import static fr.kiif.programmes.notification.MailTestSupport.variables;
import static org.assertj.core.api.Assertions.assertThat;

import fr.kiif.programmes.support.TestMailServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox SQL on a real PostgreSQL (no Spring context: the H2 tests cover the wiring). */
class MailOutboxPostgresTest {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;
    private static MailOutbox outbox;
    private static MailDispatcher dispatcher;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .table("kiif_schema_history").load().migrate();

        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(TestMailServer.port());
        TestMailServer.get();
        beans.addBean("mailSender", sender);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        outbox = new MailOutbox(jdbc, new MailTemplates(new StaticMessageSource(), "https://kiif.example/"),
                beans.getBeanProvider(Clock.class));
        dispatcher = new MailDispatcher(jdbc, beans.getBeanProvider(JavaMailSender.class),
                new KiifMailProperties("Kiif Programmes <programmes@kiif.fr>", "coordination@kiif.fr",
                        Duration.ofHours(24), 3),
                "127.0.0.1", beans.getBeanProvider(Clock.class));
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void duplicateKeyInsideATransactionDoesNotAbortIt() {
        String key = unique("pg-dedup");
        String recipient = uniqueRecipient();
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        tx.executeWithoutResult(status -> {
            outbox.enqueue(key, recipient, "test-message", variables("PG26-0001"), "PG26-0001");
            outbox.enqueue(key, recipient, "test-message", variables("PG26-0001"), "PG26-0001");
            // PostgreSQL would refuse this if the second enqueue had hit the unique constraint.
            outbox.enqueue(unique("pg-dedup-next"), recipient, "test-message", variables("PG26-0001"), "PG26-0001");
        });

        assertThat(outbox.findRecent("PG26-0001", 10)).hasSize(2)
                .filteredOn(m -> m.dedupKey().equals(key)).hasSize(1);
        assertThat(outbox.findByDedupKey(key).orElseThrow().subject())
                .isEqualTo("Dossier PG26-0001 : accusé de réception – « Épicerie solidaire des Pâquerettes »");
    }

    @Test
    void rolledBackEnqueueLeavesNoRow() {
        String key = unique("pg-rollback");
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status -> {
            outbox.enqueue(key, uniqueRecipient(), "test-message", variables("PG26-0002"), null);
            status.setRollbackOnly();
        });

        assertThat(outbox.findByDedupKey(key)).isEmpty();
    }

    @Test
    void dispatchSendsOnceAndCountsFailures() throws Exception {
        TestMailServer.get().purgeEmailFromAllMailboxes();
        String key = unique("pg-send");
        String recipient = uniqueRecipient();
        outbox.enqueue(key, recipient, "test-message", variables("PG26-0003"), "PG26-0003");

        TestMailServer.stop();
        try {
            dispatcher.dispatchDue();
        } finally {
            TestMailServer.start();
        }
        OutboxMail pending = outbox.findByDedupKey(key).orElseThrow();
        assertThat(pending.status()).isEqualTo(MailStatus.PENDING);
        assertThat(pending.attempts()).isEqualTo(1);

        JdbcClient.create(dataSource).sql("update mail_outbox set next_attempt_at = next_attempt_at - interval '2 hours'"
                + " where dedup_key = :key").param("key", key).update();
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();

        assertThat(receivedBy(recipient)).hasSize(1);
        OutboxMail sent = outbox.findByDedupKey(key).orElseThrow();
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.body()).contains("https://kiif.example/suivi/PG26-0003?jeton=abc123");
    }
}
