package fr.kiif.programmes.selection;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.application.ApplicantMails;
import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.notification.MailOutbox;

/** Emails of the selection: decisions to applicants (with a fresh private link), reminders to reviewers. */
@Service
public class SelectionNotifications {

    static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final ApplicantMails applicantMails;
    private final MailOutbox outbox;
    private final String publicBaseUrl;
    private final String coordinationAddress;

    public SelectionNotifications(ApplicationRepository applications, CallRepository calls, ApplicantMails applicantMails,
            MailOutbox outbox, @Value("${kiif.public-base-url}") String publicBaseUrl,
            @Value("${kiif.mail.coordination-address}") String coordinationAddress) {
        this.applications = applications;
        this.calls = calls;
        this.applicantMails = applicantMails;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.coordinationAddress = coordinationAddress;
    }

    public void toApplicant(String reference, String dedupKey, String template, Map<String, Object> extra) {
        applicantMails.send(reference, dedupKey, template, extra);
    }

    /** Reminder to a reviewer; the mail names the application by reference only (blind review). */
    public void reviewReminder(String reference, String dedupKey, String email, Instant due) {
        outbox.enqueue(dedupKey, email, "review-reminder",
                Map.of("reference", reference, "dueDate", FRENCH_DATE_TIME.format(due),
                        "tasklistUrl", publicBaseUrl + "/camunda/app/tasklist/"),
                reference);
    }

    /** A coordination task of the review part (manual assignment, late review) is past its due date. */
    public void reviewTaskOverdue(String reference, String dedupKey, String taskName, Instant due) {
        Application application = applications.findByReference(reference).orElseThrow();
        outbox.enqueue(dedupKey, coordinationAddress, "review-task-overdue",
                Map.of("reference", reference, "taskName", taskName,
                        "callTitle", calls.findById(application.callId()).orElseThrow().title(),
                        "dueDate", due == null ? "" : FRENCH_DATE_TIME.format(due),
                        "tasklistUrl", publicBaseUrl + "/camunda/app/tasklist/"),
                reference);
    }
}
