package fr.kiif.programmes.impact.evaluation;

/** Evaluation statuses in French, for staff pages. */
public final class StaffStatusLabels {

    private StaffStatusLabels() {
    }

    public static String label(EvaluationStatus status) {
        return switch (status) {
            case SENT -> "Questionnaire envoyé au lauréat";
            case IN_PROGRESS -> "Réponses en cours de saisie par le lauréat";
            case SUBMITTED -> "Réponses envoyées par le lauréat, à apprécier";
            case COLLECTING -> "Délai dépassé : réponses à recueillir par le coach";
            case ENTERED -> "Réponses saisies par le coach, à apprécier";
            case ASSESSED -> "Évaluation terminée";
            case CANCELLED -> "Annulée (fin de l'accompagnement)";
        };
    }
}
