package fr.kiif.programmes.selection;

import java.time.Instant;

/** A stored jury decision with its delivery to the application's process. */
public record StoredDecision(
        long applicationId,
        String reference,
        JuryDecision.Decision decision,
        Integer waitlistRank,
        String rationale,
        Instant decidedAt,
        Instant deliveredAt,
        String deliveryProblem) {
}
