package fr.kiif.programmes.selection;

/** Status of a row of table review. Only ASSIGNED counts as an open review. */
public enum ReviewStatus {
    ASSIGNED,
    DONE,
    RECUSED,
    /** The coordination gave the review to someone else. */
    REASSIGNED,
    /** The jury decided before the review was done. */
    CANCELLED
}
