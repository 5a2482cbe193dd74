package fr.kiif.programmes.application;

import java.util.Map;

/** Field errors found by the service (beyond bean validation); messages are French. */
public class InvalidSubmissionException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidSubmissionException(Map<String, String> fieldErrors) {
        super("Invalid submission: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
