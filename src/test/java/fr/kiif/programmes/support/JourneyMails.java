package fr.kiif.programmes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.notification.MailDispatcher;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The journeys' mails as people receive them: the outbox sent through SMTP to GreenMail, read per
 * recipient (other tests' mails do not count), the personal tracking link followed.
 */
@Component
public class JourneyMails {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final MailDispatcher dispatcher;
    private final TestRestTemplate http;

    public JourneyMails(MailDispatcher dispatcher, TestRestTemplate http) {
        this.dispatcher = dispatcher;
        this.http = http;
    }

    /** Sends what the outbox has due, as the scheduled dispatch would (its job is off in tests). */
    public void sendDue() {
        for (int round = 0; round < 20 && dispatcher.dispatchDue() > 0; round++) {
            // Until the outbox has nothing due.
        }
    }

    /** What GreenMail received for this address, in order. */
    public static List<MimeMessage> to(String email) {
        return Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(m -> recipient(m).equals(email)).toList();
    }

    public static List<String> subjectsTo(String email) {
        return to(email).stream().map(JourneyMails::subject).toList();
    }

    /** The first mail to this address whose subject contains the text. */
    public static MimeMessage firstTo(String email, String subjectPart) {
        return to(email).stream().filter(m -> subject(m).contains(subjectPart)).findFirst()
                .orElseThrow(() -> new AssertionError("No mail « " + subjectPart + " » to " + email + ": " + subjectsTo(email)));
    }

    /** The page behind the mail's personal tracking link; fails unless it answers 200. */
    public String trackingPage(MimeMessage mail) {
        String link = link(body(mail), "/suivi/");
        ResponseEntity<String> page = http.getForEntity(link.substring(link.indexOf("/suivi/")), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    /** The first link of the text that contains the fragment. */
    private static String link(String text, String fragment) {
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            if (matcher.group().contains(fragment)) {
                return matcher.group();
            }
        }
        throw new AssertionError("No link with " + fragment + " in: " + text);
    }

    public static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
