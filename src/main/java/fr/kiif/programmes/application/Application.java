package fr.kiif.programmes.application;

import java.time.Instant;

/** An application as stored in the application's own table. */
public record Application(
        long id,
        String reference,
        String callId,
        ApplicationStatus status,
        String organisationName,
        LegalForm legalForm,
        String siret,
        String departement,
        String contactFirstName,
        String contactLastName,
        String contactEmail,
        String contactPhone,
        String projectTitle,
        String summary,
        String socialNeed,
        String beneficiaries,
        Stage stage,
        int teamSize,
        long fundingToDate,
        String supportNeeds,
        String themeFit,
        Instant submittedAt,
        String territory,
        String incubatorSlug) {
}
