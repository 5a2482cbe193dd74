package fr.kiif.programmes.coordination;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.alliance.Territory;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.call.CallView;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.impact.evaluation.ImpactDelays;

/** Builds {@link CoordinationCallView}s from the stored call and settings. */
@Component
public class CoordinationCallViews {

    private final CallRepository calls;
    private final AllianceReferenceData alliance;
    private final CallConfigurationService service;
    private final ProgrammeService programmes;
    private final Clock clock;

    public CoordinationCallViews(CallRepository calls, AllianceReferenceData alliance, CallConfigurationService service,
                                 ProgrammeService programmes, Clock clock) {
        this.calls = calls;
        this.alliance = alliance;
        this.service = service;
        this.programmes = programmes;
        this.clock = clock;
    }

    public CoordinationCallView view(ProgrammeCall call) {
        Instant now = clock.instant();
        SelectionSettings settings = calls.selectionSettings(call.id());
        CallStatus status = calls.status(call.id());
        List<CallView.TerritoryView> territories = call.coveredTerritories().stream()
                .flatMap(id -> alliance.territory(id).stream())
                .map(t -> new CallView.TerritoryView(t.id(), t.name(),
                        alliance.incubator(t.incubatorSlug()).map(Incubator::name).orElse(t.incubatorSlug()),
                        t.departements()))
                .toList();
        List<String> incubators = incubators(call);
        ImpactDelays impact = calls.impactDelays(call.id());
        String indicatorSet = calls.findProgramme(call.programmeId()).orElseThrow().indicatorSet();
        Map<String, Integer> weights = new LinkedHashMap<>();
        call.criteria().forEach(c -> weights.put(c.code(), c.weight()));
        return new CoordinationCallView(call.id(), call.programmeId(), call.programmeTitle(), call.title(),
                call.description(), call.whoMayApply(), call.opensAt(), call.closesAt(),
                status != CallStatus.DRAFT && call.isOpenAt(now), territories, List.copyOf(call.acceptedLegalForms()),
                List.copyOf(call.acceptedStages()), call.criteria(), status, status.label(), service.isEditable(call),
                call.referencePrefix(), incubators, settings.quotas(), settings.cohortSize(), settings.waitlistSize(),
                weights, settings.territorialReviewers(), settings.crossReviewers(),
                settings.reviewDeadline().toString(), settings.reviewReminderBefore().toString(),
                settings.escalationAfter().toString(), call.completionDelay().toString(),
                call.eligibilityCheckDelay().toString(), settings.blindReview(), SelectionSettings.juryGroup(call.id()),
                settings.juryMembers(), settings.promotionWindow().toString(), settings.supportDuration().toString(),
                settings.checkInEvery().toString(), impact.reminderAfter().toString(), impact.responseDelay().toString(),
                impact.collectionDelay().toString(), impact.assessmentDelay().toString(), indicatorSet, programmes.setLabel(indicatorSet));
    }

    /** The incubators whose territories the call covers, in the reference data's order. */
    public List<String> incubators(ProgrammeCall call) {
        List<String> slugs = call.coveredTerritories().stream().flatMap(id -> alliance.territory(id).stream())
                .map(Territory::incubatorSlug).distinct().toList();
        return alliance.incubators().stream().map(Incubator::slug).filter(slugs::contains).toList();
    }

    /** The stored configuration in the request's shape (to fill the edit form). */
    public CallConfiguration configuration(ProgrammeCall call) {
        CoordinationCallView v = view(call);
        return new CallConfiguration(v.id(), v.programmeId(), v.title(), v.description(), v.opensAt().toString(),
                v.closesAt().toString(), v.incubators(), v.quotas(), v.cohortSize(), v.waitlistSize(), v.criteriaWeights(),
                v.territorialReviewers(), v.crossReviewers(), v.reviewDeadline(), v.reviewReminderBefore(),
                v.escalationAfter(), v.completionDelay(), v.blindReview(), v.juryMembers(), v.promotionWindow(),
                v.supportDuration(), v.checkInEvery(), v.whoMayApply(), v.referencePrefix(),
                v.acceptedLegalForms().stream().map(Enum::name).toList(),
                v.acceptedStages().stream().map(Enum::name).toList(), v.eligibilityCheckDelay(),
                v.impactReminderAfter(), v.impactResponseDelay(), v.impactCollectionDelay(), v.impactAssessmentDelay(), false);
    }

}
