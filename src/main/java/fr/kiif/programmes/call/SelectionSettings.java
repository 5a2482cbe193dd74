package fr.kiif.programmes.call;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a call selects its cohort: quotas per incubator, reviewers, delays (ISO-8601), jury.
 * The review deadline counts from the call's closing date.
 */
public record SelectionSettings(
        Map<String, Integer> quotas,
        int cohortSize,
        int waitlistSize,
        int territorialReviewers,
        int crossReviewers,
        Duration reviewDeadline,
        Duration reviewReminderBefore,
        Duration escalationAfter,
        boolean blindReview,
        List<String> juryMembers,
        Duration promotionWindow,
        Duration supportDuration,
        Duration checkInEvery) {

    public static String juryGroup(String callId) {
        return "jury-" + callId;
    }
}
