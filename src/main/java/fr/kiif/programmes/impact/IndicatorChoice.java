package fr.kiif.programmes.impact;

/** One option of a single-choice indicator. */
public record IndicatorChoice(String code, String label) {
}
