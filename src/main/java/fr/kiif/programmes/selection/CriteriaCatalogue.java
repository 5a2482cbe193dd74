package fr.kiif.programmes.selection;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The catalogue of the six review criteria (see ReviewCriteria for their process variables) (fixed codes shared with the review form and the
 * scores). Each call weighs them (table call_criterion, weight 0 = not asked); labels,
 * descriptions and rubric anchors come from here.
 */
@Component
public class CriteriaCatalogue {

    public static final String SOCIAL_IMPACT = "socialImpact";
    public static final String INNOVATION = "innovation";
    public static final String TEAM = "team";
    public static final String ECONOMIC_MODEL = "economicModel";
    public static final String THEME_FIT = "themeFit";
    public static final String SCALING = "scaling";

    private static final List<CriterionDefinition> ALL = List.of(
            new CriterionDefinition(SOCIAL_IMPACT, "Impact social",
                    "Ampleur et profondeur du changement visé pour les personnes concernées.",
                    "Besoin social flou ou bénéficiaires mal identifiés ; le changement attendu n'est pas décrit.",
                    "Besoin social documenté et bénéficiaires identifiés ; changement attendu plausible mais peu mesuré.",
                    "Besoin social fort et démontré ; changement attendu précis, mesurable et déjà observé sur le terrain."),
            new CriterionDefinition(INNOVATION, "Innovation",
                    "Nouveauté de la réponse au regard de l'existant sur le territoire.",
                    "Réponse déjà largement disponible sur le territoire, sans apport nouveau.",
                    "Adaptation intéressante d'une réponse existante, ou nouveauté pour ce territoire.",
                    "Réponse nouvelle par son approche, son public ou son modèle, sans équivalent identifié."),
            new CriterionDefinition(TEAM, "Équipe",
                    "Capacité de l'équipe à porter le projet.",
                    "Porteur isolé, compétences clés absentes, disponibilité incertaine.",
                    "Équipe engagée couvrant une partie des compétences clés ; les manques sont identifiés.",
                    "Équipe complète, expérimentée et disponible, ancrée dans le territoire et le sujet."),
            new CriterionDefinition(ECONOMIC_MODEL, "Modèle économique",
                    "Solidité et réalisme du modèle économique.",
                    "Pas de modèle économique, ou dépendance totale à une subvention ponctuelle.",
                    "Sources de revenus identifiées mais encore à confirmer ; budget réaliste.",
                    "Modèle hybride solide, revenus diversifiés déjà engagés, trajectoire crédible vers l'équilibre."),
            new CriterionDefinition(THEME_FIT, "Adéquation à la thématique",
                    "Pertinence au regard de la filière du programme (par exemple la fin de vie et le deuil).",
                    "Lien indirect ou anecdotique avec la thématique du programme.",
                    "Le projet contribue à la thématique parmi d'autres objectifs.",
                    "La thématique est au cœur du projet et de son public."),
            new CriterionDefinition(SCALING, "Potentiel d'essaimage",
                    "Capacité à se développer sur d'autres territoires.",
                    "Projet très dépendant d'un contexte local, difficilement transposable.",
                    "Transposition envisageable sous conditions, pas encore préparée.",
                    "Modèle documenté et transposable ; d'autres territoires l'ont déjà demandé."));

    /** The six criteria, in the order forms and pages show them. */
    public List<CriterionDefinition> all() {
        return ALL;
    }

    public Optional<CriterionDefinition> byCode(String code) {
        return ALL.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public List<String> codes() {
        return ALL.stream().map(CriterionDefinition::code).toList();
    }
}
