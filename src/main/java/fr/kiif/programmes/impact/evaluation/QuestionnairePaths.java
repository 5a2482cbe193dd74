package fr.kiif.programmes.impact.evaluation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import fr.kiif.programmes.impact.ImpactPhase;

/** The phase as it appears in addresses: /suivi/{token}/impact/baseline, /incubateur/impact/{ref}/final. */
public final class QuestionnairePaths {

    private QuestionnairePaths() {
    }

    public static String phase(ImpactPhase phase) {
        return phase.name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImpactPhase> phase(String path) {
        return Arrays.stream(ImpactPhase.values()).filter(p -> phase(p).equals(path)).findFirst();
    }
}
