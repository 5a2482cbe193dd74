package fr.kiif.programmes.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.coordination.CoordinatorAccess;

/**
 * "Courriels envoyés": the outbox as coordinators see it. The staff authentication filter has already
 * required a login on /coordination/*; this checks the group.
 */
@Controller
public class SentMailController {

    static final int MAX_ROWS = 500;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE).withZone(PARIS);

    private final MailOutbox outbox;
    private final MailDispatcher dispatcher;
    private final CoordinatorAccess coordinators;

    public SentMailController(MailOutbox outbox, MailDispatcher dispatcher, CoordinatorAccess coordinators) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.coordinators = coordinators;
    }

    /** What the page shows of one mail; body already cut into text and link segments. */
    public record MailRow(String createdAt, String recipient, String subject, String applicationRef,
                          MailStatus status, String statusLabel, int attempts, String sentAt, String lastError,
                          List<BodyLinks.Segment> body) {
    }

    @GetMapping("/coordination/courriels")
    public ModelAndView list(@RequestParam(name = "reference", required = false) String reference) {
        if (coordinators.currentCoordinator().isEmpty()) {
            return new ModelAndView("coordination/courriels-refuse", HttpStatus.FORBIDDEN);
        }
        String filter = reference == null || reference.isBlank() ? null : reference.strip();
        List<MailRow> rows = outbox.findRecent(filter, MAX_ROWS).stream().map(SentMailController::row).toList();
        ModelAndView page = new ModelAndView("coordination/courriels");
        page.addObject("mails", rows);
        page.addObject("reference", filter);
        page.addObject("maxRows", MAX_ROWS);
        page.addObject("smtpConfigured", dispatcher.isSmtpConfigured());
        return page;
    }


    private static MailRow row(OutboxMail mail) {
        return new MailRow(format(mail.createdAt()), mail.recipient(), mail.subject(), mail.applicationRef(),
                mail.status(), mail.status().label(), mail.attempts(), format(mail.sentAt()), mail.lastError(),
                BodyLinks.split(mail.body()));
    }

    private static String format(Instant instant) {
        return instant == null ? null : DATE_TIME.format(instant);
    }
}
