package fr.kiif.programmes.cohort;

import java.math.BigDecimal;

/** Hour amounts (numeric columns) without trailing zeros, written the French way ("1,5"). */
public final class Hours {

    private Hours() {
    }

    /** 2.50 → 2.5, 3.00 → 3, null → 0. */
    public static BigDecimal normalise(BigDecimal value) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** "1,5", "3". */
    public static String french(BigDecimal value) {
        return normalise(value).toPlainString().replace('.', ',');
    }
}
