package fr.kiif.programmes.cohort;

import org.camunda.bpm.engine.ProcessEngineException;

/** A cohort task completed with invalid values: the completion fails and the task stays open. */
public class InvalidSupportInputException extends ProcessEngineException {

    public InvalidSupportInputException(String message) {
        super(message);
    }
}
