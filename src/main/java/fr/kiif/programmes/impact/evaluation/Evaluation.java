package fr.kiif.programmes.impact.evaluation;

import java.time.Instant;

import fr.kiif.programmes.impact.ImpactPhase;

/** One row of impact_evaluation. */
public record Evaluation(long id, long applicationId, String callId, String incubatorSlug, ImpactPhase phase,
        String indicatorSet, EvaluationStatus status, Instant startedAt, Instant submittedAt, String submittedBy,
        Instant assessedAt, String assessedBy, Integer contributionAssessment, String assessmentComment) {
}
