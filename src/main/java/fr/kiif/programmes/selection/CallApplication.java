package fr.kiif.programmes.selection;

import java.math.BigDecimal;

import fr.kiif.programmes.application.ApplicationStatus;

/** An application of a call as the selection sees it: routing, status and, once reviewed, its score. */
public record CallApplication(
        long id,
        String reference,
        String incubatorSlug,
        ApplicationStatus status,
        String projectTitle,
        BigDecimal weightedScore,
        boolean disagreement) {

    public boolean scored() {
        return weightedScore != null;
    }
}
