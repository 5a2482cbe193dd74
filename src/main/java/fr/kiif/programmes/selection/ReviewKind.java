package fr.kiif.programmes.selection;

/** A review slot: by the applicant's territorial incubator, or by another territory (cross view). */
public enum ReviewKind {
    TERRITORIAL,
    CROSS
}
