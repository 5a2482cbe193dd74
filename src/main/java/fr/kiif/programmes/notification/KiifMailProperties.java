package fr.kiif.programmes.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kiif.mail.*}: sender, coordination address, dispatch interval and attempts before giving up.
 * Binding the interval as a {@link Duration} rejects a malformed value at start-up.
 */
@ConfigurationProperties("kiif.mail")
public record KiifMailProperties(String from, String coordinationAddress, Duration dispatchInterval,
                                 int maxAttempts) {

    public KiifMailProperties {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("kiif.mail.from must be set");
        }
        if (dispatchInterval == null || dispatchInterval.isNegative() || dispatchInterval.isZero()) {
            throw new IllegalArgumentException("kiif.mail.dispatch-interval must be a positive duration");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("kiif.mail.max-attempts must be at least 1");
        }
    }
}
