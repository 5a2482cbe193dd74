package fr.kiif.programmes.impact;

/** What an answer looks like; numeric types are stored as numbers, the others as text codes. */
public enum IndicatorType {
    INTEGER(true),
    DECIMAL(true),
    PERCENTAGE(true),
    /** 1 to 5. */
    SCALE(true),
    /** Stored as 1 (oui) or 0 (non). */
    YES_NO(true),
    /** Stored as the choice's code. */
    SINGLE_CHOICE(false),
    TEXT(false);

    private final boolean numeric;

    IndicatorType(boolean numeric) {
        this.numeric = numeric;
    }

    public boolean numeric() {
        return numeric;
    }
}
