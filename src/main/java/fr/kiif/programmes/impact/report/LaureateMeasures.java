package fr.kiif.programmes.impact.report;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

import fr.kiif.programmes.impact.ImpactPhase;

/**
 * A laureate's assessed evaluations (status ASSESSED only), as the reports read them.
 *
 * @param territory application territory, or {@link #NO_TERRITORY}
 */
public record LaureateMeasures(String reference, String projectTitle, String organisationName, String incubatorSlug,
        String territory, String coachId, Map<ImpactPhase, Evaluation> evaluations) {

    public static final String NO_TERRITORY = "hors-territoire";

    /** One assessed evaluation: the coach's assessment and the values by indicator id. */
    public record Evaluation(Integer contribution, String assessmentComment, Map<String, Value> values) {
    }

    /** One stored value; {@code implausible} values are shown to the coach and coordination but never counted. */
    public record Value(BigDecimal number, String text, boolean implausible, String implausibleNote) {

        public boolean present() {
            return number != null || (text != null && !text.isBlank());
        }
    }

    public Optional<Value> value(ImpactPhase phase, String indicatorId) {
        Evaluation evaluation = evaluations.get(phase);
        return evaluation == null ? Optional.empty() : Optional.ofNullable(evaluation.values().get(indicatorId));
    }

    /** A value that counts in the figures: present and not flagged implausible. */
    public Optional<Value> countedValue(ImpactPhase phase, String indicatorId) {
        return value(phase, indicatorId).filter(v -> v.present() && !v.implausible());
    }
}
