package fr.kiif.programmes.impact;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * One indicator of the impact framework, as loaded from the framework file.
 *
 * @param unit      shown after the field ("ETP", "€", "personnes"); empty when none
 * @param min       lowest accepted value for numeric types (null: the type's own bound)
 * @param max       highest accepted value for numeric types (null: none, or the type's own bound)
 * @param choices   options of a {@link IndicatorType#SINGLE_CHOICE} indicator, empty otherwise
 * @param prefill   application answer that prefills the first measurement, or null
 * @param sensitive values only the laureate's coach and the coordination may see, never aggregated for others
 */
public record Indicator(String id, String label, String help, IndicatorLevel level, IndicatorType type, String unit,
        Set<ImpactPhase> phases, boolean required, boolean sensitive, BigDecimal min, BigDecimal max,
        List<IndicatorChoice> choices, PrefillSource prefill) {

    public boolean askedAt(ImpactPhase phase) {
        return phases.contains(phase);
    }
}
