package fr.kiif.programmes.application;

import java.util.HashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.notification.MailOutbox;

/**
 * A mail to the person who applied, at any stage (application, selection, support): the application's common
 * variables and a fresh private link to the tracking page, since an older link may have expired.
 */
@Service
public class ApplicantMails {

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final AccessTokens tokens;
    private final MailOutbox outbox;
    private final String publicBaseUrl;

    public ApplicantMails(ApplicationRepository applications, CallRepository calls, AccessTokens tokens, MailOutbox outbox,
            @Value("${kiif.public-base-url}") String publicBaseUrl) {
        this.applications = applications;
        this.calls = calls;
        this.tokens = tokens;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** Variables: reference, firstName, projectTitle, callTitle, trackingUrl, completionUrl, and the extra ones. */
    public void send(String reference, String dedupKey, String template, Map<String, Object> extra) {
        Application application = applications.findByReference(reference).orElseThrow();
        Map<String, Object> variables = new HashMap<>(extra);
        variables.put("reference", reference);
        variables.put("firstName", application.contactFirstName());
        variables.put("projectTitle", application.projectTitle());
        variables.put("callTitle", calls.findById(application.callId()).orElseThrow().title());
        String trackingUrl = publicBaseUrl + "/suivi/" + tokens.issue(application.id());
        variables.put("trackingUrl", trackingUrl);
        variables.put("completionUrl", trackingUrl + "/complement");
        outbox.enqueue(dedupKey, application.contactEmail(), template, variables, reference);
    }
}
