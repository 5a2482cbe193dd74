package fr.kiif.programmes.application;

/** Where an application stands, as the applicant reads it on the tracking page. */
public enum ApplicationStatus {
    SUBMITTED("Déposée"),
    IN_CHECK("En vérification"),
    COMPLETION_REQUESTED("Complément demandé"),
    COMPLETION_RECEIVED("Complément reçu"),
    ELIGIBLE("Éligible — en attente d'évaluation"),
    INELIGIBLE("Non éligible"),
    IN_REVIEW("En cours d'évaluation"),
    REVIEWED("Évaluée — en attente du jury"),
    SELECTED("Sélectionnée"),
    WAITLISTED("Sur liste d'attente"),
    REJECTED("Non retenue"),
    WITHDRAWN("Retirée"),
    IN_SUPPORT("En accompagnement"),
    SUPPORT_FINISHED("Accompagnement terminé");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
