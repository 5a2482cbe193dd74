package fr.kiif.programmes.cohort;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A collective workshop of a call's cohort, with its number of attending laureates. */
public record CohortEvent(long id, String callId, LocalDate heldOn, String topic, String scope, BigDecimal durationHours,
        String recordedBy, Instant recordedAt, int attendees) {

    /** Scope of an event open to the laureates of every territory. */
    public static final String NATIONAL = "NATIONAL";

    public boolean national() {
        return NATIONAL.equals(scope);
    }

    /** "1,5" */
    public String hours() {
        return Hours.french(durationHours);
    }
}
