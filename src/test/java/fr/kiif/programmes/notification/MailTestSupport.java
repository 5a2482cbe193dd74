package fr.kiif.programmes.notification;

import fr.kiif.programmes.support.TestMailServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Helpers shared by the notification tests: unique keys, template variables, GreenMail lookups. */
final class MailTestSupport {

    private MailTestSupport() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static String uniqueRecipient() {
        return "porteuse-" + UUID.randomUUID().toString().substring(0, 13) + "@example.org";
    }

    static Map<String, Object> variables(String reference) {
        return Map.of("reference", reference, "title", "Épicerie solidaire des Pâquerettes",
                "name", "Amélie Nguyễn", "token", "abc123");
    }

    /** Messages GreenMail received for this recipient only, so other tests' mails do not count. */
    static List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(TestMailServer.get().getReceivedMessages())
                .filter(message -> isFor(message, recipient))
                .toList();
    }

    private static boolean isFor(MimeMessage message, String recipient) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(a -> a instanceof InternetAddress ia && recipient.equalsIgnoreCase(ia.getAddress()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
