package fr.kiif.programmes.impact.evaluation;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.application.AccessTokens;
import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.notification.MailOutbox;

/** Emails of the impact evaluation, through the outbox (dedup key per process instance and activity). */
@Service
public class ImpactNotifications {

    static final DateTimeFormatter FRENCH_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

    private final CallRepository calls;
    private final AccessTokens tokens;
    private final MailOutbox outbox;
    private final String publicBaseUrl;
    private final String coordinationAddress;

    public ImpactNotifications(CallRepository calls, AccessTokens tokens, MailOutbox outbox,
            @Value("${kiif.public-base-url}") String publicBaseUrl,
            @Value("${kiif.mail.coordination-address}") String coordinationAddress) {
        this.calls = calls;
        this.tokens = tokens;
        this.outbox = outbox;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.coordinationAddress = coordinationAddress;
    }

    /** The questionnaire link (a fresh private link) or its reminder: template impact-questionnaire or impact-reminder. */
    public void toLaureate(Application application, ImpactPhase phase, String template, String dedupKey, Instant closesAt) {
        Map<String, Object> variables = common(application, phase);
        variables.put("firstName", application.contactFirstName());
        variables.put("closesOn", FRENCH_DATE.format(closesAt));
        variables.put("questionnaireUrl", publicBaseUrl + "/suivi/" + tokens.issue(application.id()) + "/impact/"
                + QuestionnairePaths.phase(phase));
        outbox.enqueue(dedupKey, application.contactEmail(), template, variables, application.reference());
    }

    /** A coach's impact task is overdue: the coordination is told. */
    public void taskOverdue(Application application, ImpactPhase phase, String task, String coachId, String dedupKey) {
        Map<String, Object> variables = common(application, phase);
        variables.put("task", task);
        variables.put("coachId", coachId == null ? "(aucun)" : coachId);
        variables.put("incubator", application.incubatorSlug() == null ? "" : application.incubatorSlug());
        variables.put("tasklistUrl", publicBaseUrl + "/camunda/app/tasklist/");
        outbox.enqueue(dedupKey, coordinationAddress, "impact-task-overdue", variables, application.reference());
    }

    private Map<String, Object> common(Application application, ImpactPhase phase) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reference", application.reference());
        variables.put("projectTitle", application.projectTitle());
        variables.put("callTitle", calls.findById(application.callId()).orElseThrow().title());
        variables.put("phase", phase.label().toLowerCase(Locale.FRANCE));
        return variables;
    }
}
