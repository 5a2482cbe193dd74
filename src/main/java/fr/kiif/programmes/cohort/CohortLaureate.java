package fr.kiif.programmes.cohort;

/** A laureate of a call (an application with a support record), as listed for attendance. */
public record CohortLaureate(long applicationId, String reference, String projectTitle, String organisationName,
        String incubatorSlug, String supportStatus) {
}
