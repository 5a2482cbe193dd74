package fr.kiif.programmes.coordination;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The configuration of a call as coordinators send it (POST and PUT /api/coordination/calls).
 * Dates and durations are ISO-8601 text so that a bad value gets a French field error; optional
 * fields left out take the default named in their description.
 */
@Schema(description = "Configuration d'un appel à candidatures")
public record CallConfiguration(
        @Schema(description = "Identifiant de l'appel (minuscules, chiffres, tirets ; 61 caractères au plus). "
                + "Ignoré en modification (l'identifiant est celui du chemin).", example = "essai-2026")
        String id,
        @Schema(description = "Programme (filière) existant", example = "fin-de-vie", requiredMode = Schema.RequiredMode.REQUIRED)
        String programmeId,
        @Schema(example = "Appel d'essai", requiredMode = Schema.RequiredMode.REQUIRED)
        String title,
        @Schema(example = "Appel à solutions de la filière fin de vie et deuil.", requiredMode = Schema.RequiredMode.REQUIRED)
        String description,
        @Schema(description = "Date-heure d'ouverture (ISO-8601 avec fuseau)", format = "date-time",
                example = "2026-12-01T09:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
        String opensAt,
        @Schema(description = "Date-heure de clôture, après l'ouverture et dans le futur", format = "date-time",
                example = "2026-12-01T09:02:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
        String closesAt,
        @Schema(description = "Incubateurs participants : l'appel couvre tous leurs territoires",
                example = "[\"atis\",\"ronalpia\",\"adress\"]", requiredMode = Schema.RequiredMode.REQUIRED)
        List<String> incubators,
        @Schema(description = "Nombre maximal de lauréats par incubateur (≥ 0), un quota pour chaque incubateur listé",
                example = "{\"atis\":2,\"ronalpia\":2,\"adress\":2}", requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, Integer> quotas,
        @Schema(description = "Taille totale de la promotion : au moins 1 et au plus la somme des quotas",
                example = "5", requiredMode = Schema.RequiredMode.REQUIRED)
        Integer cohortSize,
        @Schema(description = "Taille de la liste d'attente (≥ 0, défaut 0)", example = "3")
        Integer waitlistSize,
        @Schema(description = "Poids (0 à 10) des six critères socialImpact, innovation, team, economicModel, themeFit, "
                + "scaling ; 0 = critère non évalué ; au moins un poids > 0",
                example = "{\"socialImpact\":3,\"innovation\":2,\"team\":2,\"economicModel\":2,\"themeFit\":1,\"scaling\":1}",
                requiredMode = Schema.RequiredMode.REQUIRED)
        Map<String, Integer> criteriaWeights,
        @Schema(description = "Évaluateurs de l'incubateur du territoire par candidature (défaut 2)", example = "2")
        Integer territorialReviewers,
        @Schema(description = "Évaluateurs d'un autre territoire par candidature (défaut 1)", example = "1")
        Integer crossReviewers,
        @Schema(description = "Échéance des évaluations, comptée depuis la clôture (durée ISO-8601, défaut P21D)", example = "PT10M")
        String reviewDeadline,
        @Schema(description = "Rappel aux évaluateurs avant l'échéance (défaut P3D, plus court que reviewDeadline)", example = "PT2M")
        String reviewReminderBefore,
        @Schema(description = "Escalade à la coordination après l'échéance (défaut P7D)", example = "PT5M")
        String escalationAfter,
        @Schema(description = "Délai laissé au porteur pour compléter son dossier (défaut P14D)", example = "PT5M")
        String completionDelay,
        @Schema(description = "Évaluation à l'aveugle : les évaluateurs croisés ne voient ni la structure ni le contact (défaut false)", example = "false")
        Boolean blindReview,
        @Schema(description = "Identifiants d'utilisateurs Camunda existants membres du jury (groupe jury-<id>)",
                example = "[\"jury-1\",\"jury-2\",\"jury-3\"]", requiredMode = Schema.RequiredMode.REQUIRED)
        List<String> juryMembers,
        @Schema(description = "Fenêtre de promotion de la liste d'attente (défaut P60D)", example = "PT30M")
        String promotionWindow,
        @Schema(description = "Durée de l'accompagnement des lauréats (défaut P270D)", example = "PT20M")
        String supportDuration,
        @Schema(description = "Périodicité des points d'étape (défaut P28D, plus courte que supportDuration)", example = "PT5M")
        String checkInEvery,
        @Schema(description = "Qui peut candidater (texte affiché aux porteurs ; défaut : texte générique)")
        String whoMayApply,
        @Schema(description = "Préfixe des références de dossier (2 à 10 majuscules ou chiffres, unique ; "
                + "défaut dérivé de l'identifiant, ex. ESSAI26)", example = "ESS26")
        String referencePrefix,
        @Schema(description = "Formes juridiques acceptées (défaut : toutes)")
        List<String> acceptedLegalForms,
        @Schema(description = "Stades de projet acceptés (défaut : tous)")
        List<String> acceptedStages,
        @Schema(description = "Délai de la vérification d'éligibilité par l'incubateur (défaut P10D)", example = "P10D")
        String eligibilityCheckDelay,
        @Schema(description = "Questionnaire d'impact : rappel au lauréat à cette fréquence tant qu'il n'a pas répondu "
                + "(défaut P7D, plus court que impactResponseDelay)", example = "P7D")
        String impactReminderAfter,
        @Schema(description = "Questionnaire d'impact : délai de réponse du lauréat, après quoi l'accompagnateur "
                + "recueille les réponses (défaut P21D)", example = "P21D")
        String impactResponseDelay,
        @Schema(description = "Questionnaire d'impact : délai de l'accompagnateur pour recueillir les réponses par "
                + "téléphone (défaut P14D)", example = "P14D")
        String impactCollectionDelay,
        @Schema(description = "Questionnaire d'impact : délai de l'appréciation de l'accompagnateur (défaut P14D)",
                example = "P14D")
        String impactAssessmentDelay,
        @Schema(description = "Publier l'appel dès son enregistrement (défaut false : brouillon)", example = "false")
        Boolean publish) {
}
