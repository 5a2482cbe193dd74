package fr.kiif.programmes.impact;

import java.util.List;

/** The indicators a programme measures (a theme set includes the common base set's indicators). */
public record IndicatorSet(String id, String label, String description, List<Indicator> indicators) {

    /** The indicators asked at this phase, in file order. */
    public List<Indicator> indicators(ImpactPhase phase) {
        return indicators.stream().filter(i -> i.askedAt(phase)).toList();
    }

    /** The indicators of one questionnaire page. */
    public List<Indicator> indicators(ImpactPhase phase, IndicatorLevel level) {
        return indicators.stream().filter(i -> i.askedAt(phase) && i.level() == level).toList();
    }

    public boolean asks(ImpactPhase phase) {
        return indicators.stream().anyMatch(i -> i.askedAt(phase));
    }

    public java.util.Optional<Indicator> indicator(String indicatorId) {
        return indicators.stream().filter(i -> i.id().equals(indicatorId)).findFirst();
    }
}
