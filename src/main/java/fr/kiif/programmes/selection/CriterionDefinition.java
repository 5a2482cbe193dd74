package fr.kiif.programmes.selection;

/**
 * A review criterion of the catalogue: its fixed code, its French label and description, and the
 * rubric anchors that describe scores 1, 3 and 5 to reviewers.
 */
public record CriterionDefinition(String code, String label, String description,
                                  String anchor1, String anchor3, String anchor5) {

    /** The review variable holding this criterion's score, e.g. {@code scoreSocialImpact}. */
    public String scoreVariable() {
        return "score" + Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }
}
