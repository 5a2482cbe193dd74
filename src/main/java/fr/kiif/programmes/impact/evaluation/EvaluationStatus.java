package fr.kiif.programmes.impact.evaluation;

import java.util.Set;

/** Status of one laureate's evaluation for one phase (column impact_evaluation.status). */
public enum EvaluationStatus {
    SENT, IN_PROGRESS, SUBMITTED, COLLECTING, ENTERED, ASSESSED, CANCELLED;

    /** The laureate may still answer by the private link. */
    public static final Set<EvaluationStatus> OPEN_TO_LAUREATE = Set.of(SENT, IN_PROGRESS);

    public boolean answered() {
        return this == SUBMITTED || this == ENTERED || this == ASSESSED;
    }
}
