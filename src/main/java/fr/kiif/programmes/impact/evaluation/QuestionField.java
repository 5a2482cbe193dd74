package fr.kiif.programmes.impact.evaluation;

import java.util.List;
import java.util.stream.IntStream;

import fr.kiif.programmes.impact.Indicator;
import fr.kiif.programmes.impact.IndicatorChoice;

/**
 * One question as a form shows it: the value to show (saved, typed, or prefilled), its error, and for a
 * later phase the value given at entry.
 */
public record QuestionField(Indicator indicator, String value, String error, String baseline, boolean prefilled) {

    private static final List<IndicatorChoice> YES_NO = List.of(new IndicatorChoice("OUI", "Oui"), new IndicatorChoice("NON", "Non"));
    private static final List<IndicatorChoice> SCALE = IntStream.rangeClosed(1, 5)
            .mapToObj(i -> new IndicatorChoice(Integer.toString(i), Integer.toString(i))).toList();

    /** The HTML id, distinct from the name (an indicator id may look like any other field). */
    public String id() {
        return "q-" + indicator.id();
    }

    /** input, radios or textarea. */
    public String kind() {
        return switch (indicator.type()) {
            case SCALE, YES_NO, SINGLE_CHOICE -> "radios";
            case TEXT -> "textarea";
            default -> "input";
        };
    }

    public String inputMode() {
        return indicator.type() == fr.kiif.programmes.impact.IndicatorType.INTEGER ? "numeric" : "decimal";
    }

    public List<IndicatorChoice> options() {
        return switch (indicator.type()) {
            case SCALE -> SCALE;
            case YES_NO -> YES_NO;
            default -> indicator.choices();
        };
    }

    /** What the answer looks like, said in French under the label. */
    public String format() {
        return switch (indicator.type()) {
            case INTEGER -> "Nombre entier";
            case DECIMAL -> "Nombre, virgule possible (par exemple 2,5)";
            case PERCENTAGE -> "Pourcentage de 0 à 100";
            case SCALE -> "De 1 à 5";
            default -> null;
        };
    }
}
