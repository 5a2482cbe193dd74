package fr.kiif.programmes.cohort;

import java.time.Instant;

/** A running laureate as the incubator staff page lists it (laureate_support joined to application). */
public record StaffLaureate(String reference, String projectTitle, String organisationName, String incubatorSlug,
        String coachId, String status, Instant nextCheckInAt) {

    /** French label of the support status. */
    public String statusLabel() {
        return switch (status) {
            case "ONBOARDING" -> "Lancement (plan à établir)";
            case "ACTIVE" -> "En accompagnement";
            default -> status;
        };
    }
}
