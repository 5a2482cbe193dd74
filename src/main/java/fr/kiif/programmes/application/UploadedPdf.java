package fr.kiif.programmes.application;

/** A PDF the applicant attached, already checked by content. */
public record UploadedPdf(String fileName, byte[] content) {
}
