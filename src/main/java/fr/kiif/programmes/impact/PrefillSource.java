package fr.kiif.programmes.impact;

/** Application answers that can prefill an indicator's first measurement. */
public enum PrefillSource {
    /** application.team_size */
    TEAM_SIZE,
    /** application.funding_to_date (euros) */
    FUNDS_RAISED
}
