package fr.kiif.programmes.application;

/** What the applicant gets back: the reference and the status. */
public record SubmissionResult(String reference, ApplicationStatus status) {
}
