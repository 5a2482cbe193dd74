package fr.kiif.programmes.application;

import java.time.Instant;

/** One step of the public timeline; the note is written for the applicant. */
public record ApplicationEvent(ApplicationStatus status, Instant occurredAt, String publicNote) {
}
