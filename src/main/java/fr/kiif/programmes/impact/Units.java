package fr.kiif.programmes.impact;

import java.math.BigDecimal;

/** An indicator's unit after a value, in French: "1 personne", "1,5 personne", "3 personnes", "2 ETP". */
public final class Units {

    private Units() {
    }

    /** The unit with a leading space, or "" when the indicator has none. */
    public static String after(BigDecimal value, String unit) {
        if (unit == null || unit.isBlank()) {
            return "";
        }
        // French keeps the singular below 2; only plain lowercase words ("personnes", "heures") change.
        boolean singular = value != null && value.abs().compareTo(BigDecimal.valueOf(2)) < 0;
        if (singular && unit.length() > 2 && unit.endsWith("s") && unit.chars().allMatch(Character::isLowerCase)) {
            return " " + unit.substring(0, unit.length() - 1);
        }
        return " " + unit;
    }
}
