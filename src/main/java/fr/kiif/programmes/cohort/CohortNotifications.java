package fr.kiif.programmes.cohort;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.application.ApplicantMails;
import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.notification.MailOutbox;

/** Emails of the cohort support: to the laureate, the coach and the coordination (through the outbox). */
@Service
public class CohortNotifications {

    static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));
    static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRANCE);

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final ApplicantMails applicantMails;
    private final MailOutbox outbox;
    private final IdentityService identity;
    private final String publicBaseUrl;
    private final String coordinationAddress;

    public CohortNotifications(ApplicationRepository applications, CallRepository calls, ApplicantMails applicantMails, MailOutbox outbox,
            IdentityService identity, @Value("${kiif.public-base-url}") String publicBaseUrl,
            @Value("${kiif.mail.coordination-address}") String coordinationAddress) {
        this.applications = applications;
        this.calls = calls;
        this.applicantMails = applicantMails;
        this.outbox = outbox;
        this.identity = identity;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.coordinationAddress = coordinationAddress;
    }

    public void supportPlan(String reference, String dedupKey, SupportFormRules.Plan plan) {
        String objectives = plan.objectives().stream()
                .map(o -> o.position() + ". " + o.objective() + "\n   Cible : " + o.target() + " — échéance : mois " + o.dueMonth())
                .collect(Collectors.joining("\n"));
        toLaureate(reference, dedupKey, "support-plan", Map.of("kickoffDate", FRENCH_DATE.format(plan.kickoff()),
                "expectedHours", plan.expectedHours(), "objectives", objectives));
    }

    public void closing(String reference, String dedupKey) {
        toLaureate(reference, dedupKey, "support-closing", Map.of());
    }

    public void checkInReminder(String reference, String dedupKey, String coachId, Instant due) {
        String email = email(coachId);
        if (email == null) {
            return;
        }
        outbox.enqueue(dedupKey, email, "check-in-reminder", Map.of("reference", reference,
                "dueDate", FRENCH_DATE_TIME.format(due), "tasklistUrl", tasklistUrl()), reference);
    }

    public void checkInOverdue(String reference, String dedupKey, String coachId, Instant due) {
        toCoordination(reference, dedupKey, "check-in-overdue", Map.of("coachId", coachId == null ? "(aucun)" : coachId,
                "dueDate", due == null ? "" : FRENCH_DATE_TIME.format(due)));
    }

    public void highRisk(String reference, String dedupKey, String coachId, String nextSteps) {
        toCoordination(reference, dedupKey, "support-high-risk", Map.of("coachId", coachId == null ? "(aucun)" : coachId,
                "nextSteps", nextSteps == null ? "" : nextSteps));
    }

    public void supportEnded(String reference, String dedupKey, String endedBy, String reason) {
        String who = switch (endedBy == null ? "" : endedBy) {
            case "LAUREATE" -> "retrait demandé par le lauréat ou la lauréate";
            case "COACH" -> "retrait signalé par la personne chargée d'accompagnement";
            case "MIDTERM_REVIEW" -> "arrêt décidé au bilan à mi-parcours";
            default -> "fin anticipée";
        };
        toCoordination(reference, dedupKey, "support-ended", Map.of("who", who, "reason", reason == null ? "" : reason));
    }

    private void toLaureate(String reference, String dedupKey, String template, Map<String, Object> extra) {
        applicantMails.send(reference, dedupKey, template, extra);
    }

    private void toCoordination(String reference, String dedupKey, String template, Map<String, Object> extra) {
        Application application = applications.findByReference(reference).orElseThrow();
        Map<String, Object> variables = new HashMap<>(extra);
        variables.put("reference", reference);
        variables.put("projectTitle", application.projectTitle());
        variables.put("incubator", application.incubatorSlug() == null ? "" : application.incubatorSlug());
        variables.put("callTitle", calls.findById(application.callId()).orElseThrow().title());
        variables.put("tasklistUrl", tasklistUrl());
        outbox.enqueue(dedupKey, coordinationAddress, template, variables, reference);
    }

    private String tasklistUrl() {
        return publicBaseUrl + "/camunda/app/tasklist/";
    }

    private String email(String userId) {
        if (userId == null) {
            return null;
        }
        var current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            User user = identity.createUserQuery().userId(userId).singleResult();
            return user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
        } finally {
            if (current != null) {
                identity.setAuthentication(current.getUserId(), current.getGroupIds(), current.getTenantIds());
            }
        }
    }
}
