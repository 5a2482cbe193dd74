package fr.kiif.programmes.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes emails to {@code mail_outbox} in the caller's transaction (the primary DataSource is also
 * Camunda's), so a process step and its email commit or roll back together. {@link MailDispatcher}
 * sends them later.
 */
@Service
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    static final String COLUMNS = "id, dedup_key, recipient, subject, body, application_ref, status, attempts, "
            + "next_attempt_at, last_error, created_at, sent_at";

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final ObjectProvider<Clock> clock;

    public MailOutbox(JdbcClient jdbc, MailTemplates templates, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.clock = clock;
    }

    /**
     * Renders {@code templates/mail/<template>.txt} and queues the mail, unless a mail with the same
     * dedup key exists (a retried Camunda job must not send twice): then it does nothing.
     *
     * @param dedupKey       unique per intended mail, e.g. process instance id + activity id
     * @param applicationRef application reference (e.g. FDV26-0042), or null
     */
    @Transactional
    public void enqueue(String dedupKey, String recipient, String template, Map<String, Object> variables,
                        String applicationRef) {
        requireText(dedupKey, "dedupKey", 200);
        requireText(recipient, "recipient", 320);
        if (applicationRef != null && applicationRef.strip().length() > 32) {
            throw new IllegalArgumentException("applicationRef is longer than 32 characters");
        }
        // Checked first, not by catching the unique violation: on PostgreSQL a failed statement
        // aborts the whole surrounding transaction. Two transactions racing on the same key still
        // hit the constraint and one rolls back, which a retried job then resolves.
        if (exists(dedupKey)) {
            log.debug("Mail {} already in the outbox, not enqueued again", dedupKey);
            return;
        }
        RenderedMail mail = templates.render(template, variables);
        OffsetDateTime now = toDb(now(clock));
        jdbc.sql("""
                        insert into mail_outbox (dedup_key, recipient, subject, body, application_ref, status,
                                                 attempts, next_attempt_at, created_at)
                        values (:dedupKey, :recipient, :subject, :body, :applicationRef, :status, 0, :now, :now)
                        """)
                .param("dedupKey", dedupKey)
                .param("recipient", recipient.strip())
                .param("subject", mail.subject())
                .param("body", mail.body())
                .param("applicationRef", applicationRef == null || applicationRef.isBlank() ? null
                        : applicationRef.strip(), Types.VARCHAR)
                .param("status", MailStatus.PENDING.name())
                .param("now", now)
                .update();
        log.info("Mail {} ({}) queued for {}", dedupKey, template, recipient);
    }

    @Transactional(readOnly = true)
    public Optional<OutboxMail> findByDedupKey(String dedupKey) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where dedup_key = :dedupKey")
                .param("dedupKey", dedupKey)
                .query(MailOutbox::map)
                .optional();
    }

    /** Newest first; {@code applicationRef} null or blank means all applications. */
    @Transactional(readOnly = true)
    public List<OutboxMail> findRecent(String applicationRef, int limit) {
        int rows = Math.max(1, Math.min(limit, 1000));
        boolean filtered = applicationRef != null && !applicationRef.isBlank();
        JdbcClient.StatementSpec query = jdbc.sql("select " + COLUMNS + " from mail_outbox"
                + (filtered ? " where application_ref = :applicationRef" : "")
                + " order by created_at desc, id desc fetch first " + rows + " rows only");
        if (filtered) {
            query = query.param("applicationRef", applicationRef.strip());
        }
        return query.query(MailOutbox::map).list();
    }

    private boolean exists(String dedupKey) {
        return jdbc.sql("select count(*) from mail_outbox where dedup_key = :dedupKey")
                .param("dedupKey", dedupKey)
                .query(Long.class)
                .single() > 0;
    }

    static OutboxMail map(ResultSet rs, int rowNum) throws SQLException {
        return new OutboxMail(rs.getLong("id"), rs.getString("dedup_key"), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getString("application_ref"),
                MailStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "sent_at"));
    }

    /** Microseconds: what both H2 and PostgreSQL store, so a value read back compares equal. */
    static Instant now(ObjectProvider<Clock> clock) {
        return clock.getIfUnique(Clock::systemUTC).instant().truncatedTo(ChronoUnit.MICROS);
    }

    static OffsetDateTime toDb(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void requireText(String value, String name, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
    }
}
