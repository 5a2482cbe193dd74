package fr.kiif.programmes.cohort;

/** The laureate's support is not running (none yet, finished, or already withdrawn): no withdrawal possible. */
public class NotInSupportException extends RuntimeException {

    public NotInSupportException(String message) {
        super(message);
    }
}
