package fr.kiif.programmes.impact.evaluation;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import fr.kiif.programmes.impact.Units;
import fr.kiif.programmes.impact.Indicator;
import fr.kiif.programmes.impact.IndicatorChoice;

/**
 * Reads one answer as typed in a form, per indicator type, with the French message shown next to the
 * field when it is not acceptable. Blank means "no answer" (required answers are checked on submission).
 */
public final class AnswerRules {

    public static final int TEXT_MAX = 2000;
    public static final String REQUIRED = "Cette question est obligatoire.";

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,15}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,4})?");

    private AnswerRules() {
    }

    /** An accepted answer: number for numeric types (YES_NO 1/0), text for SINGLE_CHOICE and TEXT; null when blank. */
    public record Answer(BigDecimal number, String text) {
    }

    /** The answer is not acceptable: message in French. */
    public static class InvalidAnswerException extends RuntimeException {
        public InvalidAnswerException(String message) {
            super(message);
        }
    }

    /** @return null when blank; @throws InvalidAnswerException when not acceptable */
    public static Answer read(Indicator indicator, String raw) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            return null;
        }
        return switch (indicator.type()) {
            case INTEGER -> new Answer(bounded(indicator, integer(value, "Saisissez un nombre entier, sans virgule (par exemple 12)."),
                    null, null), null);
            case DECIMAL -> new Answer(bounded(indicator, decimal(value), null, null), null);
            case PERCENTAGE -> new Answer(bounded(indicator, percentage(value), BigDecimal.ZERO, BigDecimal.valueOf(100)), null);
            case SCALE -> new Answer(scale(value), null);
            case YES_NO -> new Answer(yesNo(value), null);
            case SINGLE_CHOICE -> new Answer(null, choice(indicator, value));
            case TEXT -> {
                if (value.length() > TEXT_MAX) {
                    throw new InvalidAnswerException("Votre réponse ne doit pas dépasser 2 000 caractères.");
                }
                yield new Answer(null, value);
            }
        };
    }

    /** The stored value as a form shows it again: "2,5", "OUI", the choice code, the text. */
    public static String formValue(Indicator indicator, StoredValue value) {
        if (value == null) {
            return "";
        }
        if (!indicator.type().numeric()) {
            return value.text() == null ? "" : value.text();
        }
        if (value.number() == null) {
            return "";
        }
        return switch (indicator.type()) {
            case YES_NO -> value.number().signum() == 0 ? "NON" : "OUI";
            default -> value.number().stripTrailingZeros().toPlainString().replace('.', ',');
        };
    }

    /** The value as a person reads it: "15 000 €", "2,5 ETP", "Oui", the choice's label. */
    public static String display(Indicator indicator, StoredValue value) {
        if (value == null || (value.number() == null && value.text() == null)) {
            return "—";
        }
        return switch (indicator.type()) {
            case YES_NO -> value.number().signum() == 0 ? "Non" : "Oui";
            case SINGLE_CHOICE -> indicator.choices().stream().filter(c -> c.code().equals(value.text()))
                    .map(IndicatorChoice::label).findFirst().orElse(value.text());
            case TEXT -> value.text();
            case SCALE -> value.number().stripTrailingZeros().toPlainString() + " / 5";
            default -> {
                NumberFormat format = NumberFormat.getNumberInstance(Locale.FRANCE);
                format.setMaximumFractionDigits(4);
                yield format.format(value.number()).replace('\u202f', ' ').replace('\u00a0', ' ')
                        + Units.after(value.number(), indicator.unit());
            }
        };
    }

    private static BigDecimal integer(String value, String message) {
        String digits = withoutSpaces(value);
        if (!INTEGER.matcher(digits).matches()) {
            throw new InvalidAnswerException(message);
        }
        return new BigDecimal(digits);
    }

    private static BigDecimal decimal(String value) {
        String number = withoutSpaces(value).replace(',', '.');
        if (!DECIMAL.matcher(number).matches()) {
            throw new InvalidAnswerException("Saisissez un nombre, avec au plus 4 chiffres après la virgule (par exemple 2,5).");
        }
        return new BigDecimal(number);
    }

    private static BigDecimal percentage(String value) {
        String number = withoutSpaces(value).replace("%", "").replace(',', '.');
        if (!DECIMAL.matcher(number).matches()) {
            throw new InvalidAnswerException("Saisissez un pourcentage entre 0 et 100 (par exemple 35 ou 12,5).");
        }
        BigDecimal percent = new BigDecimal(number);
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidAnswerException("Saisissez un pourcentage entre 0 et 100 (par exemple 35 ou 12,5).");
        }
        return percent;
    }

    private static BigDecimal scale(String value) {
        if (!value.matches("[1-5]")) {
            throw new InvalidAnswerException("Choisissez une valeur de 1 à 5.");
        }
        return new BigDecimal(value);
    }

    private static BigDecimal yesNo(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "OUI", "TRUE", "1" -> BigDecimal.ONE;
            case "NON", "FALSE", "0" -> BigDecimal.ZERO;
            default -> throw new InvalidAnswerException("Répondez par oui ou par non.");
        };
    }

    private static String choice(Indicator indicator, String value) {
        return indicator.choices().stream().map(IndicatorChoice::code).filter(value::equals).findFirst()
                .orElseThrow(() -> new InvalidAnswerException("Choisissez une des réponses proposées."));
    }

    private static BigDecimal bounded(Indicator indicator, BigDecimal number, BigDecimal typeMin, BigDecimal typeMax) {
        BigDecimal min = indicator.min() != null ? indicator.min() : typeMin;
        BigDecimal max = indicator.max() != null ? indicator.max() : typeMax;
        if (min != null && number.compareTo(min) < 0) {
            throw new InvalidAnswerException("La valeur doit être au moins " + french(min) + ".");
        }
        if (max != null && number.compareTo(max) > 0) {
            throw new InvalidAnswerException("La valeur doit être au plus " + french(max) + ".");
        }
        return number;
    }

    private static String french(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** Spaces people type as thousands separators ("15 000"), including non-breaking ones. */
    private static String withoutSpaces(String value) {
        return value.replaceAll("[\\s\\u00a0\\u202f]", "");
    }
}
