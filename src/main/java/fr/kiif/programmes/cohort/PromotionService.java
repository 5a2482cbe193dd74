package fr.kiif.programmes.cohort;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.call.CallRepository;

/**
 * Fills a cohort place left empty. The promotion window of a call opens at the call's decision
 * instant (the first jury decision recorded on an application of the call, application_event) and
 * lasts the call's promotionWindow.
 */
@Service
public class PromotionService {

    public static final String MESSAGE = "ApplicationPromoted";

    private final CohortRepository cohort;
    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final RuntimeService runtime;
    private final Clock clock;

    public PromotionService(CohortRepository cohort, ApplicationRepository applications, CallRepository calls,
            RuntimeService runtime, Clock clock) {
        this.cohort = cohort;
        this.applications = applications;
        this.calls = calls;
        this.runtime = runtime;
        this.clock = clock;
    }

    /** PROMOTED (same incubator, done), PROPOSE (best score of the call, for the coordination) or NONE. */
    public record Outcome(String kind, String reference, Instant windowEnd) {
    }

    public Optional<Instant> windowEnd(String callId) {
        return cohort.decisionInstant(callId).map(start -> start.plus(calls.selectionSettings(callId).promotionWindow()));
    }

    public boolean windowOpen(String callId) {
        return windowEnd(callId).map(end -> clock.instant().isBefore(end)).orElse(false);
    }

    /** After a laureate left: promote the first waitlisted of the same incubator, else propose the best of the call. */
    public Outcome replace(String leavingReference) {
        Application leaving = application(leavingReference);
        Instant end = windowEnd(leaving.callId()).orElse(null);
        if (end == null || !clock.instant().isBefore(end)) {
            return new Outcome("NONE", null, end);
        }
        for (String candidate : cohort.waitlistOfIncubator(leaving.callId(), leaving.incubatorSlug())) {
            if (promote(candidate, leavingReference)) {
                return new Outcome("PROMOTED", candidate, end);
            }
        }
        List<String> others = cohort.waitlistByScore(leaving.callId());
        return others.isEmpty() ? new Outcome("NONE", null, end) : new Outcome("PROPOSE", others.get(0), end);
    }

    /** The coordination accepted a proposal: promote it if the window is still open and it is still waitlisted. */
    public boolean accept(String proposedReference, String leavingReference) {
        Application proposed = application(proposedReference);
        if (proposed.status() != ApplicationStatus.WAITLISTED || !windowOpen(proposed.callId())) {
            return false;
        }
        return promote(proposedReference, leavingReference);
    }

    private boolean promote(String reference, String inPlaceOf) {
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey("application")
                .processInstanceBusinessKey(reference).active().singleResult();
        if (instance == null) {
            return false;
        }
        try {
            runtime.createMessageCorrelation(MESSAGE).processInstanceId(instance.getId())
                    .setVariable("decision", "SELECTED").setVariable("promotedInPlaceOf", inPlaceOf).correlateExclusively();
            return true;
        } catch (MismatchingMessageCorrelationException e) {
            return false; // no longer waiting on the waitlist (window closed for it, or withdrawn)
        }
    }

    private Application application(String reference) {
        return applications.findByReference(reference).orElseThrow(() -> new IllegalStateException("No application " + reference));
    }
}
