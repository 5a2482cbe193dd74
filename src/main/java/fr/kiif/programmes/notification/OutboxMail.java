package fr.kiif.programmes.notification;

import java.time.Instant;

/** One row of {@code mail_outbox}. */
public record OutboxMail(long id, String dedupKey, String recipient, String subject, String body,
                         String applicationRef, MailStatus status, int attempts, Instant nextAttemptAt,
                         String lastError, Instant createdAt, Instant sentAt) {
}
