package fr.kiif.programmes.call;

/** A selection criterion of a call and its weight in the score. */
public record Criterion(String code, String label, String description, int weight) {
}
