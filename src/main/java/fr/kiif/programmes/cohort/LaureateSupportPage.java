package fr.kiif.programmes.cohort;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a laureate reads about their own support on their private page: the plan, the coach's
 * summaries of past check-ins (no risk level, no internal progress notes) and the next check-in.
 */
public record LaureateSupportPage(
        String status,
        LocalDate kickoffDate,
        Instant nextCheckInAt,
        List<Objective> objectives,
        List<PastCheckIn> checkIns) {

    /** One objective of the support plan. */
    public record Objective(int position, String objective, String target, int dueMonth) {
    }

    /** A done check-in as the laureate sees it. */
    public record PastCheckIn(Instant doneAt, BigDecimal supportHours, String nextSteps) {

        /** "1,5" */
        public String hours() {
            return Hours.french(supportHours);
        }
    }

    /** Support still running: the laureate may withdraw. */
    public boolean running() {
        return LaureateSupportRepository.RUNNING.contains(status);
    }

    /** The status in French. */
    public String statusLabel() {
        return switch (status) {
            case "ONBOARDING" -> "Démarrage de l'accompagnement";
            case "ACTIVE" -> "En accompagnement";
            case "FINISHED" -> "Accompagnement terminé";
            case "WITHDRAWN" -> "Retiré du programme";
            case "STOPPED" -> "Accompagnement arrêté";
            default -> status;
        };
    }
}
