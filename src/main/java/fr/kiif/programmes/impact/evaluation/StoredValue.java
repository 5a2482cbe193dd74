package fr.kiif.programmes.impact.evaluation;

import java.math.BigDecimal;

/** One stored answer: a number (numeric types, YES_NO as 1/0) or a text (SINGLE_CHOICE code, TEXT). */
public record StoredValue(String indicatorId, BigDecimal number, String text, boolean implausible, String implausibleNote) {
}
