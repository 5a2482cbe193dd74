package fr.kiif.programmes.selection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.call.CallRepository;

/** The jury's decision on one application: status, public timeline and the applicant's email. */
@Service
public class SelectionDecisionService {

    public static final String SELECTED = "SELECTED";
    public static final String WAITLISTED = "WAITLISTED";
    public static final String REJECTED = "REJECTED";

    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final ReviewRepository reviews;
    private final SelectionNotifications notifications;
    private final Clock clock;

    public SelectionDecisionService(ApplicationRepository applications, CallRepository calls, ReviewRepository reviews,
            SelectionNotifications notifications, Clock clock) {
        this.applications = applications;
        this.calls = calls;
        this.reviews = reviews;
        this.notifications = notifications;
        this.clock = clock;
    }

    public void selected(String reference, String dedupKey) {
        Application application = application(reference);
        mark(application, ApplicationStatus.SELECTED,
                "Votre projet est retenu : l'incubateur de votre territoire vous contacte pour démarrer l'accompagnement.");
        notifications.toApplicant(reference, dedupKey, "selected", Map.of());
    }

    /** @return how long the waitlist stays open for promotions (from the call) */
    public Duration waitlisted(String reference, String dedupKey, Integer rank) {
        Application application = application(reference);
        Duration window = calls.selectionSettings(application.callId()).promotionWindow();
        String rankText = rank == null ? "non précisé" : String.valueOf(rank);
        mark(application, ApplicationStatus.WAITLISTED, "Rang sur la liste d'attente : " + rankText + ".");
        notifications.toApplicant(reference, dedupKey, "waitlisted", Map.of("rank", rankText,
                "windowEnd", SelectionNotifications.FRENCH_DATE_TIME.format(clock.instant().plus(window))));
        return window;
    }

    public void rejected(String reference, String dedupKey) {
        Application application = application(reference);
        mark(application, ApplicationStatus.REJECTED,
                "Votre projet n'est pas retenu. Les retours des évaluateurs vous ont été envoyés par courriel.");
        notifications.toApplicant(reference, dedupKey, "rejected", Map.of("feedback", feedback(application.id())));
    }

    /** The applicant withdrew while on the waitlist. */
    public void withdrawn(String reference) {
        Application application = application(reference);
        if (application.status() != ApplicationStatus.WITHDRAWN) {
            mark(application, ApplicationStatus.WITHDRAWN, null);
        }
    }

    /** The reviewers' comments, written for the applicant: no names, no ids, no scores. */
    String feedback(long applicationId) {
        List<String> comments = reviews.doneReviews(applicationId).stream().map(DoneReview::comment)
                .filter(comment -> comment != null && !comment.isBlank()).map(String::strip).toList();
        if (comments.isEmpty()) {
            return "Les évaluations de votre candidature n'ont pas donné lieu à des commentaires écrits.";
        }
        return comments.stream().map(comment -> "– " + comment.replace("\n", "\n  ")).collect(Collectors.joining("\n\n"));
    }

    private void mark(Application application, ApplicationStatus status, String publicNote) {
        Instant now = clock.instant();
        applications.updateStatus(application.id(), status);
        applications.addEvent(application.id(), status, now, publicNote);
    }

    private Application application(String reference) {
        return applications.findByReference(reference)
                .orElseThrow(() -> new IllegalStateException("No application " + reference));
    }
}
