package fr.kiif.programmes.selection;

import java.util.Map;

/** A completed review as the reviewer submitted it; scores by criterion code (asked criteria only). */
public record ReviewScores(Map<String, Integer> scores, String comment, String recommendation) {
}
