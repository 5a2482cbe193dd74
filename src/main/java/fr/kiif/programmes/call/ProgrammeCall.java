package fr.kiif.programmes.call;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;

/** One edition of a programme call (appel à candidatures) and its configuration. */
public record ProgrammeCall(
        String id,
        String programmeId,
        String programmeTitle,
        String title,
        String description,
        String whoMayApply,
        String referencePrefix,
        Instant opensAt,
        Instant closesAt,
        List<String> coveredTerritories,
        Set<LegalForm> acceptedLegalForms,
        Set<Stage> acceptedStages,
        Duration completionDelay,
        Duration eligibilityCheckDelay,
        List<Criterion> criteria) {

    public boolean isOpenAt(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }

    public boolean covers(String territoryId) {
        return territoryId != null && coveredTerritories.contains(territoryId);
    }
}
