package fr.kiif.programmes.application;

/** The applicant tries to answer a completion request that is no longer awaited. */
public class CompletionClosedException extends RuntimeException {

    public CompletionClosedException(long applicationId) {
        super("No completion awaited for application " + applicationId);
    }
}
