package fr.kiif.programmes.coordination;

import java.util.List;

import fr.kiif.programmes.application.ApplicationApiErrors.FieldError;

/** A call configuration with field errors (French messages); nothing was stored. */
public class InvalidCallConfigurationException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidCallConfigurationException(List<FieldError> errors) {
        super("Configuration d'appel invalide : " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
