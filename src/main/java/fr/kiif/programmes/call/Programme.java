package fr.kiif.programmes.call;

/**
 * A programme (filière) of the alliance; its calls are its editions and measure its indicator set.
 *
 * @param indicatorSet id of a set of the impact framework, chosen when the programme is created
 */
public record Programme(String id, String title, String description, String indicatorSet) {

    /** The shipped framework's common set, default of the programme table's column. */
    public static final String DEFAULT_INDICATOR_SET = "socle-kiif";
}
