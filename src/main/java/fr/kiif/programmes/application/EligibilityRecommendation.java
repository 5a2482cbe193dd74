package fr.kiif.programmes.application;

import java.util.List;

/** What the automatic rules recommend, with their reasons; a person decides. */
public record EligibilityRecommendation(String recommendation, List<String> reasons) {

    public static final String ELIGIBLE = "ELIGIBLE";
    public static final String INELIGIBLE = "INELIGIBLE";
    public static final String TO_CHECK = "TO_CHECK";

    public String label() {
        return switch (recommendation) {
            case ELIGIBLE -> "Éligible";
            case INELIGIBLE -> "Non éligible";
            default -> "À vérifier";
        };
    }
}
