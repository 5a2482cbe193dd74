package fr.kiif.programmes.call;

import java.time.Instant;
import java.util.List;

import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;

/** A call as the public API shows it. */
public record CallView(
        String id,
        String programmeId,
        String programmeTitle,
        String title,
        String description,
        String whoMayApply,
        Instant opensAt,
        Instant closesAt,
        boolean open,
        List<TerritoryView> territories,
        List<LegalForm> acceptedLegalForms,
        List<Stage> acceptedStages,
        List<Criterion> criteria) {

    /** A covered territory with the incubator that covers it. */
    public record TerritoryView(String id, String name, String incubator, List<String> departements) {
    }
}
