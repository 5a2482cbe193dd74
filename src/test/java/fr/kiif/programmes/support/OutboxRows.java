package fr.kiif.programmes.support;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the mail outbox the way a coordinator's page would, for assertions. */
public final class OutboxRows {

    /** One stored mail. */
    public record Mail(String recipient, String subject, String body) {

        /** The first link in the body that contains the fragment. */
        public String link(String fragment) {
            Matcher matcher = Pattern.compile("https?://\\S+").matcher(body);
            while (matcher.find()) {
                if (matcher.group().contains(fragment)) {
                    return matcher.group();
                }
            }
            throw new AssertionError("No link with " + fragment + " in: " + body);
        }
    }

    private OutboxRows() {
    }

    public static List<Mail> forApplication(JdbcClient jdbc, String reference) {
        return jdbc.sql("select recipient, subject, body from mail_outbox where application_ref = ? order by id")
                .param(reference)
                .query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }
}
