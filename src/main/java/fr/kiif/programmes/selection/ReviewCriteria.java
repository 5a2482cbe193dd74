package fr.kiif.programmes.selection;

import java.util.List;

/** The six review criteria (codes fixed by the selection contract) and their process variables. */
public enum ReviewCriteria {
    SOCIAL_IMPACT("socialImpact", "scoreSocialImpact", "score_social_impact", "Impact social"),
    INNOVATION("innovation", "scoreInnovation", "score_innovation", "Innovation"),
    TEAM("team", "scoreTeam", "score_team", "Équipe"),
    ECONOMIC_MODEL("economicModel", "scoreEconomicModel", "score_economic_model", "Modèle économique"),
    THEME_FIT("themeFit", "scoreThemeFit", "score_theme_fit", "Lien avec la thématique"),
    SCALING("scaling", "scoreScaling", "score_scaling", "Changement d'échelle");

    public static final String CONFLICT_OF_INTEREST = "conflictOfInterest";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String RECOMMENDATION = "recommendation";
    public static final List<String> RECOMMENDATIONS = List.of("SELECT", "DISCUSS", "REJECT");

    private final String code;
    private final String variable;
    private final String column;
    private final String label;

    ReviewCriteria(String code, String variable, String column, String label) {
        this.code = code;
        this.variable = variable;
        this.column = column;
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** The form's score variable, e.g. scoreSocialImpact. */
    public String variable() {
        return variable;
    }

    String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** The form's flag telling whether the criterion is asked, e.g. askSocialImpact. */
    public String askVariable() {
        return "ask" + variable.substring("score".length());
    }
}
