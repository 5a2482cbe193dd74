package fr.kiif.programmes.cohort;

import java.util.Map;

/** A cohort event or attendance that breaks a rule; messages in French, by field. */
public class InvalidCohortEventException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidCohortEventException(Map<String, String> fieldErrors) {
        super("Invalid cohort event: " + fieldErrors);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
