package fr.kiif.programmes.application;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.notification.MailOutbox;

/** The emails of an application's life: to the applicant (each with a fresh private link), and to the coordination. */
@Service
public class ApplicationNotifications {

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final ApplicantMails applicantMails;
    private final MailOutbox outbox;
    private final String publicBaseUrl;
    private final String coordinationAddress;

    public ApplicationNotifications(ApplicationRepository applications, CallRepository calls, ApplicantMails applicantMails,
            MailOutbox outbox, @Value("${kiif.public-base-url}") String publicBaseUrl,
            @Value("${kiif.mail.coordination-address}") String coordinationAddress) {
        this.applications = applications;
        this.calls = calls;
        this.applicantMails = applicantMails;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.coordinationAddress = coordinationAddress;
    }

    public void acknowledge(String reference, String dedupKey) {
        sendToApplicant(reference, dedupKey, "acknowledgement", Map.of());
    }

    public void completionRequested(String reference, String dedupKey, String whatIsMissing, String deadline) {
        sendToApplicant(reference, dedupKey, "completion-request", Map.of("whatIsMissing", whatIsMissing, "deadline", deadline));
    }

    /** The call closes soon and the applicant has not answered the completion request yet. */
    public void completionReminder(String reference, String dedupKey, String closesAt) {
        sendToApplicant(reference, dedupKey, "completion-reminder", Map.of("closesAt", closesAt));
    }

    public void eligible(String reference, String dedupKey) {
        String callId = applications.findByReference(reference).orElseThrow().callId();
        boolean crossReview = calls.selectionSettings(callId).crossReviewers() > 0;
        sendToApplicant(reference, dedupKey, "eligible", Map.of("crossReview", crossReview));
    }

    public void ineligible(String reference, String dedupKey, String reason) {
        sendToApplicant(reference, dedupKey, "ineligible", Map.of("reason", reason));
    }

    public void eligibilityCheckOverdue(String reference, String dedupKey, String incubatorGroup) {
        Application application = applications.findByReference(reference).orElseThrow();
        outbox.enqueue(dedupKey, coordinationAddress, "eligibility-check-overdue",
                Map.of("reference", reference, "incubatorGroup", incubatorGroup,
                        "projectTitle", application.projectTitle(),
                        "tasklistUrl", publicBaseUrl + "/camunda/app/tasklist/"),
                reference);
    }

    private void sendToApplicant(String reference, String dedupKey, String template, Map<String, Object> extra) {
        applicantMails.send(reference, dedupKey, template, extra);
    }
}
