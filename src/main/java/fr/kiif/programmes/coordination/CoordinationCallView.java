package fr.kiif.programmes.coordination;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.call.CallView;
import fr.kiif.programmes.call.Criterion;

/**
 * A call as coordinators see it: the public view's fields (GET /api/calls/{id}), its status, and
 * its whole configuration under the names of {@link CallConfiguration} (durations as ISO-8601 text),
 * and the indicator set it measures, inherited from its programme.
 */
public record CoordinationCallView(
        String id,
        String programmeId,
        String programmeTitle,
        String title,
        String description,
        String whoMayApply,
        Instant opensAt,
        Instant closesAt,
        boolean open,
        List<CallView.TerritoryView> territories,
        List<LegalForm> acceptedLegalForms,
        List<Stage> acceptedStages,
        List<Criterion> criteria,
        CallStatus status,
        String statusLabel,
        boolean editable,
        String referencePrefix,
        List<String> incubators,
        Map<String, Integer> quotas,
        int cohortSize,
        int waitlistSize,
        Map<String, Integer> criteriaWeights,
        int territorialReviewers,
        int crossReviewers,
        String reviewDeadline,
        String reviewReminderBefore,
        String escalationAfter,
        String completionDelay,
        String eligibilityCheckDelay,
        boolean blindReview,
        String juryGroup,
        List<String> juryMembers,
        String promotionWindow,
        String supportDuration,
        String checkInEvery,
        String impactReminderAfter,
        String impactResponseDelay,
        String impactCollectionDelay,
        String impactAssessmentDelay,
        String indicatorSet,
        String indicatorSetLabel) {
}
