package fr.kiif.programmes.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends due outbox rows over SMTP, one at a time. Each row is first claimed by a conditional update
 * (committed on its own), so two dispatchers never send the same row; the SMTP result is recorded
 * afterwards. Without an SMTP host, mails stay PENDING and coordinators read them on
 * /coordination/courriels.
 */
@Component
public class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    static final Duration FIRST_RETRY_DELAY = Duration.ofMinutes(1);
    static final Duration MAX_RETRY_DELAY = Duration.ofHours(1);
    /** A claimed row is not due again before this, so a dispatcher that dies mid-send is retried later. */
    static final Duration SENDING_LEASE = Duration.ofMinutes(5);
    /** Bounds one run so a large backlog does not hold the scheduler thread; the next run goes on. */
    private static final int MAX_PER_RUN = 200;
    private static final int MAX_ERROR_LENGTH = 2000;

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final KiifMailProperties properties;
    private final String smtpHost;
    private final ObjectProvider<Clock> clock;

    public MailDispatcher(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, KiifMailProperties properties,
                          @Value("${spring.mail.host:}") String smtpHost, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.properties = properties;
        this.smtpHost = smtpHost == null ? "" : smtpHost.strip();
        this.clock = clock;
    }

    /** True when {@code spring.mail.host} is set, i.e. mails are sent rather than kept. */
    public boolean isSmtpConfigured() {
        return !smtpHost.isEmpty() && mailSender.getIfAvailable() != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceMode() {
        if (isSmtpConfigured()) {
            log.info("Mail outbox: sending through SMTP host {} every {}", smtpHost, properties.dispatchInterval());
        } else {
            log.warn("Mail outbox: no SMTP host configured (spring.mail.host / KIIF_SMTP_HOST); "
                    + "mails are kept and shown on /coordination/courriels");
        }
    }

    /**
     * Sends every due PENDING mail (up to a bounded number per run).
     *
     * @return the number of mails sent
     */
    @Scheduled(initialDelayString = "${kiif.mail.dispatch-interval}", fixedDelayString = "${kiif.mail.dispatch-interval}")
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int dispatchDue() {
        if (!isSmtpConfigured()) {
            log.debug("No SMTP host configured: outbox mails kept");
            return 0;
        }
        int sent = 0;
        for (int i = 0; i < MAX_PER_RUN; i++) {
            Instant now = MailOutbox.now(clock);
            Optional<Claim> due = nextDue(now);
            if (due.isEmpty()) {
                break;
            }
            Claim candidate = due.get();
            if (!claim(candidate, now)) {
                continue; // Another dispatcher took it.
            }
            if (send(candidate.id(), candidate.attempts() + 1)) {
                sent++;
            }
        }
        if (sent > 0) {
            log.info("Mail outbox: {} mail(s) sent", sent);
        }
        return sent;
    }

    private Optional<Claim> nextDue(Instant now) {
        return jdbc.sql("""
                        select id, attempts from mail_outbox
                        where status = :pending and next_attempt_at <= :now
                        order by next_attempt_at, id
                        fetch first 1 rows only
                        """)
                .param("pending", MailStatus.PENDING.name())
                .param("now", MailOutbox.toDb(now))
                .query((rs, n) -> new Claim(rs.getLong("id"), rs.getInt("attempts")))
                .optional();
    }

    /** Counts the attempt and moves the row out of the due set; matches only if nobody did it first. */
    private boolean claim(Claim candidate, Instant now) {
        return jdbc.sql("""
                        update mail_outbox set attempts = attempts + 1, next_attempt_at = :lease
                        where id = :id and status = :pending and attempts = :attempts and next_attempt_at <= :now
                        """)
                .param("lease", MailOutbox.toDb(now.plus(SENDING_LEASE)))
                .param("id", candidate.id())
                .param("pending", MailStatus.PENDING.name())
                .param("attempts", candidate.attempts())
                .param("now", MailOutbox.toDb(now))
                .update() == 1;
    }

    private boolean send(long id, int attempt) {
        OutboxMail mail = jdbc.sql("select " + MailOutbox.COLUMNS + " from mail_outbox where id = :id")
                .param("id", id)
                .query(MailOutbox::map)
                .single();
        JavaMailSender sender = mailSender.getObject();
        try {
            MimeMessage message = sender.createMimeMessage();
            try {
                MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
                helper.setFrom(properties.from());
                helper.setTo(mail.recipient());
                helper.setSubject(mail.subject());
                helper.setText(mail.body(), false);
                // Asks vacation responders not to answer an automatic mail.
                message.setHeader("Auto-Submitted", "auto-generated");
            } catch (MessagingException e) {
                throw new MailPreparationException("Invalid mail " + mail.dedupKey(), e);
            }
            sender.send(message);
        } catch (MailParseException | MailPreparationException e) {
            // A bad address or header will not get better by retrying.
            recordFailure(mail, attempt, e, true);
            return false;
        } catch (RuntimeException e) {
            recordFailure(mail, attempt, e, false);
            return false;
        }
        jdbc.sql("""
                        update mail_outbox set status = :sent, sent_at = :now, last_error = null
                        where id = :id and attempts = :attempt
                        """)
                .param("sent", MailStatus.SENT.name())
                .param("now", MailOutbox.toDb(MailOutbox.now(clock)))
                .param("id", id)
                .param("attempt", attempt)
                .update();
        log.info("Mail {} sent to {} (attempt {})", mail.dedupKey(), mail.recipient(), attempt);
        return true;
    }

    private void recordFailure(OutboxMail mail, int attempt, Exception error, boolean permanent) {
        boolean giveUp = permanent || attempt >= properties.maxAttempts();
        Instant next = MailOutbox.now(clock).plus(retryDelay(attempt));
        jdbc.sql("""
                        update mail_outbox set status = :status, last_error = :error, next_attempt_at = :next
                        where id = :id and attempts = :attempt
                        """)
                .param("status", (giveUp ? MailStatus.FAILED : MailStatus.PENDING).name())
                .param("error", describe(error))
                .param("next", MailOutbox.toDb(next))
                .param("id", mail.id())
                .param("attempt", attempt)
                .update();
        if (giveUp) {
            log.error("Mail {} to {} FAILED after {} attempt(s), not retried: {}", mail.dedupKey(),
                    mail.recipient(), attempt, describe(error));
        } else {
            log.warn("Mail {} to {} not sent (attempt {}/{}), retry at {}: {}", mail.dedupKey(), mail.recipient(),
                    attempt, properties.maxAttempts(), next, describe(error));
        }
    }

    /** 1 min after the first failure, doubling each time, at most 1 h. */
    static Duration retryDelay(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 10);
        Duration delay = FIRST_RETRY_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_RETRY_DELAY) > 0 ? MAX_RETRY_DELAY : delay;
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        Throwable cause = error.getCause();
        while (cause != null && cause != cause.getCause()) {
            if (cause.getMessage() != null && text.indexOf(cause.getMessage()) < 0) {
                text.append(" / ").append(cause.getMessage());
            }
            cause = cause.getCause();
        }
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
    }

    private record Claim(long id, int attempts) {
    }
}
