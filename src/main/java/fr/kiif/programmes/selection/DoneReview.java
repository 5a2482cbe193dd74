package fr.kiif.programmes.selection;

import java.util.Map;

/** A DONE review row: scores by criterion code (null when not asked), comment and recommendation. */
public record DoneReview(long id, String reviewerId, String kind, Map<String, Integer> scores, String comment,
        String recommendation) {
}
