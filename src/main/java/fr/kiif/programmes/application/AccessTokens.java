package fr.kiif.programmes.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Private links for applicants, who have no account: 256 random bits, only the SHA-256 is stored,
 * and every link expires.
 */
@Service
public class AccessTokens {

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration validity;

    public AccessTokens(JdbcClient jdbc, Clock clock, @Value("${kiif.links.validity}") Duration validity) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.validity = validity;
    }

    /** A new token for the application; the caller puts it in a link and forgets it. */
    public String issue(long applicationId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("insert into access_token (token_hash, application_id, created_at, expires_at) values (?, ?, ?, ?)")
                .params(hash(token), applicationId, now.atOffset(ZoneOffset.UTC), now.plus(validity).atOffset(ZoneOffset.UTC))
                .update();
        return token;
    }

    /** The application a valid, unexpired token gives access to. */
    public Optional<Long> resolve(String token) {
        if (token == null || token.length() < 40 || token.length() > 64) {
            return Optional.empty();
        }
        return jdbc.sql("select application_id from access_token where token_hash = ? and expires_at > ?")
                .params(hash(token), clock.instant().atOffset(ZoneOffset.UTC))
                .query(Long.class).optional();
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
