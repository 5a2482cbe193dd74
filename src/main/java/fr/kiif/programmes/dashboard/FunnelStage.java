package fr.kiif.programmes.dashboard;

import java.util.EnumSet;
import java.util.Set;

import fr.kiif.programmes.application.ApplicationStatus;

/** The steps of the funnel, each the current status of applications (application.status, written by the process steps). */
public enum FunnelStage {
    SUBMITTED("Déposées, vérification en cours", EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.IN_CHECK,
            ApplicationStatus.COMPLETION_RECEIVED)),
    AWAITING_COMPLETION("En attente de complément", EnumSet.of(ApplicationStatus.COMPLETION_REQUESTED)),
    ELIGIBLE("Éligibles, évaluation à venir", EnumSet.of(ApplicationStatus.ELIGIBLE)),
    INELIGIBLE("Non éligibles", EnumSet.of(ApplicationStatus.INELIGIBLE)),
    IN_REVIEW("En cours d'évaluation", EnumSet.of(ApplicationStatus.IN_REVIEW)),
    REVIEWED("Évaluées, en attente du jury", EnumSet.of(ApplicationStatus.REVIEWED)),
    SELECTED("Sélectionnées", EnumSet.of(ApplicationStatus.SELECTED)),
    WAITLISTED("Sur liste d'attente", EnumSet.of(ApplicationStatus.WAITLISTED)),
    REJECTED("Non retenues", EnumSet.of(ApplicationStatus.REJECTED)),
    WITHDRAWN("Retirées", EnumSet.of(ApplicationStatus.WITHDRAWN)),
    IN_SUPPORT("En accompagnement", EnumSet.of(ApplicationStatus.IN_SUPPORT)),
    SUPPORT_FINISHED("Accompagnement terminé", EnumSet.of(ApplicationStatus.SUPPORT_FINISHED));

    private final String label;
    private final Set<ApplicationStatus> statuses;

    FunnelStage(String label, Set<ApplicationStatus> statuses) {
        this.label = label;
        this.statuses = statuses;
    }

    public String label() {
        return label;
    }

    public Set<ApplicationStatus> statuses() {
        return statuses;
    }

    public static FunnelStage of(ApplicationStatus status) {
        for (FunnelStage stage : values()) {
            if (stage.statuses.contains(status)) {
                return stage;
            }
        }
        throw new IllegalArgumentException(status.name());
    }
}
