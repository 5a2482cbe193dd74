package fr.kiif.programmes.coordination;

/** A programme as coordinators see it, with the label of its indicator set. */
public record ProgrammeView(String id, String title, String description, String indicatorSet, String indicatorSetLabel) {
}
