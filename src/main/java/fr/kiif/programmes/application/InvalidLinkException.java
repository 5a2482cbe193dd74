package fr.kiif.programmes.application;

/** A private link whose token is unknown or expired. */
public class InvalidLinkException extends RuntimeException {

    public InvalidLinkException() {
        super("Unknown or expired access token");
    }
}
