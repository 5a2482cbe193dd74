package fr.kiif.programmes.impact.evaluation;

import java.time.Duration;

/** The call's questionnaire delays (programme_call.impact_*). */
public record ImpactDelays(Duration reminderAfter, Duration responseDelay, Duration collectionDelay, Duration assessmentDelay) {

    /** Reminders every reminderAfter while the questionnaire is open (at least one), e.g. R2/P7D for P7D and P21D. */
    public String reminderCycle() {
        long count = Math.max(1, (responseDelay.toSeconds() - 1) / reminderAfter.toSeconds());
        return "R" + count + "/" + reminderAfter;
    }
}
