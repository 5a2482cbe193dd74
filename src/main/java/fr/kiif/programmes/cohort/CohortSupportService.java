package fr.kiif.programmes.cohort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.SelectionSettings;

/** One laureate's support: coach, plan, check-ins, reviews and end. Called by the cohort-support steps. */
@Service
public class CohortSupportService {

    private final CohortRepository cohort;
    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final CohortNotifications notifications;
    private final IdentityService identity;
    private final Clock clock;

    public CohortSupportService(CohortRepository cohort, ApplicationRepository applications, CallRepository calls,
            CohortNotifications notifications, IdentityService identity, Clock clock) {
        this.cohort = cohort;
        this.applications = applications;
        this.calls = calls;
        this.notifications = notifications;
        this.identity = identity;
        this.clock = clock;
    }

    public Application application(String reference) {
        return applications.findByReference(reference).orElseThrow(() -> new IllegalStateException("No application " + reference));
    }

    public SelectionSettings settings(String reference) {
        return calls.selectionSettings(application(reference).callId());
    }

    /** Support duration in whole months (30 days), at least 1: the due month of an objective is at most this. */
    public int supportMonths(String reference) {
        return (int) Math.max(1, Math.ceil(settings(reference).supportDuration().toDays() / 30.0));
    }

    /** Staff of the laureate's incubator with the fewest active laureates (then by id); empty if the group has nobody. */
    public Optional<String> assignCoach(String reference) {
        Application application = application(reference);
        Set<String> staff = staff(application.incubatorSlug());
        Map<String, Integer> load = cohort.activeLaureateCounts();
        Optional<String> coach = staff.stream()
                .min(Comparator.<String>comparingInt(id -> load.getOrDefault(id, 0)).thenComparing(Comparator.naturalOrder()));
        coach.ifPresent(id -> cohort.setCoach(application.id(), id));
        return coach;
    }

    public boolean isStaffOf(String incubatorSlug, String userId) {
        return staff(incubatorSlug).contains(userId);
    }

    public void setCoach(String reference, String coachId) {
        cohort.setCoach(application(reference).id(), coachId);
    }

    public void recordPlan(String reference, SupportFormRules.Plan plan, String mailKey) {
        Application application = application(reference);
        cohort.savePlan(application.id(), plan.kickoff(), plan.expectedHours(), plan.objectives());
        mark(application, ApplicationStatus.IN_SUPPORT,
                "Votre plan d'accompagnement est établi : " + plan.objectives().size() + " objectifs.");
        notifications.supportPlan(reference, mailKey, plan);
    }

    /** The support period's milestones, counted from now (end of the baseline impact measurement). */
    public record Period(Instant startedAt, Instant midTermAt, Instant endsAt, String checkInCycle, Duration checkInEvery) {
    }

    public Period startPeriod(String reference, Instant now, Duration checkInDueAfter) {
        SelectionSettings settings = settings(reference);
        Duration duration = settings.supportDuration();
        Duration every = settings.checkInEvery();
        long count = Math.max(1, duration.toSeconds() / every.toSeconds());
        cohort.setNextCheckIn(application(reference).id(), now.plus(every).plus(checkInDueAfter));
        return new Period(now, now.plus(duration.dividedBy(2)), now.plus(duration), "R" + count + "/" + every, every);
    }

    public void checkInOpened(String reference, Instant due) {
        cohort.setNextCheckIn(application(reference).id(), due);
    }

    /** Stores a completed check-in; the next check-in date is the next cycle's due date, if any. */
    public void recordCheckIn(String reference, String coachId, Instant due, SupportFormRules.CheckIn checkIn, Instant next) {
        Application application = application(reference);
        cohort.insertCheckIn(application.id(), coachId, application.incubatorSlug(), due, clock.instant(), checkIn.hours(),
                checkIn.riskLevel(), checkIn.progressJson(), checkIn.nextSteps());
        cohort.setNextCheckIn(application.id(), next);
    }

    public int objectiveCount(String reference) {
        return cohort.objectives(application(reference).id()).size();
    }

    public List<CohortRepository.Objective> objectives(String reference) {
        return cohort.objectives(application(reference).id());
    }

    public void recordMidTerm(String reference, String summary) {
        cohort.saveMidTerm(application(reference).id(), summary.strip());
    }

    public void recordFinal(String reference, SupportFormRules.Final review) {
        Map<Integer, Boolean> reached = new HashMap<>();
        Map<Integer, String> comments = new HashMap<>();
        for (int i = 0; i < review.reached().size(); i++) {
            reached.put(i + 1, review.reached().get(i));
            comments.put(i + 1, review.comments().get(i));
        }
        cohort.saveFinal(application(reference).id(), review.summary(), reached, comments);
    }

    /** Support completed: record, public status, closing email. */
    public void finish(String reference, String mailKey) {
        Application application = application(reference);
        cohort.end(application.id(), "FINISHED", clock.instant(), null, "COMPLETED");
        mark(application, ApplicationStatus.SUPPORT_FINISHED, "L'accompagnement est terminé.");
        notifications.closing(reference, mailKey);
    }

    /**
     * Support ended early: WITHDRAWN (by the laureate or the coach) or STOPPED (mid-term review); the
     * application becomes WITHDRAWN and the coordination is told.
     */
    public void endEarly(String reference, String endedBy, String reason, String mailKey) {
        Application application = application(reference);
        String status = "MIDTERM_REVIEW".equals(endedBy) ? "STOPPED" : "WITHDRAWN";
        cohort.end(application.id(), status, clock.instant(), reason, endedBy);
        if (application.status() != ApplicationStatus.WITHDRAWN) {
            mark(application, ApplicationStatus.WITHDRAWN, "STOPPED".equals(status)
                    ? "L'accompagnement s'est arrêté à l'issue du bilan à mi-parcours."
                    : "L'accompagnement est interrompu : la candidature est retirée.");
        }
        notifications.supportEnded(reference, mailKey, endedBy, reason);
    }

    private void mark(Application application, ApplicationStatus status, String note) {
        applications.updateStatus(application.id(), status);
        applications.addEvent(application.id(), status, clock.instant(), note);
    }

    private Set<String> staff(String incubatorSlug) {
        if (incubatorSlug == null) {
            return Set.of();
        }
        var current = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            Set<String> ids = new LinkedHashSet<>();
            identity.createUserQuery().memberOfGroup(Incubator.GROUP_PREFIX + incubatorSlug).list()
                    .forEach(user -> ids.add(user.getId()));
            return ids;
        } finally {
            if (current != null) {
                identity.setAuthentication(current.getUserId(), current.getGroupIds(), current.getTenantIds());
            }
        }
    }
}
