package fr.kiif.programmes.impact.report;

import java.time.Instant;

/**
 * A call's report as the pages show it: the stored snapshot ({@code provisional} false) or, before the
 * first consolidation, figures computed now ({@code provisional} true).
 */
public record ImpactReport(ImpactSnapshot snapshot, boolean provisional, Instant consolidatedAt, Instant validatedAt,
        String validatedBy, String validationComment) {

    public boolean validated() {
        return validatedAt != null;
    }
}
