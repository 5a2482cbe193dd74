package fr.kiif.programmes.coordination;

import java.util.List;

import fr.kiif.programmes.application.ApplicationApiErrors.FieldError;

/** A new programme with field errors (French messages); nothing was stored. */
public class InvalidProgrammeException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidProgrammeException(List<FieldError> errors) {
        super("Programme invalide : " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
