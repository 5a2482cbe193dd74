package fr.kiif.programmes.impact.evaluation;

import org.camunda.bpm.engine.ProcessEngineException;

/** A coach's task completion was refused: the French message says why (Tasklist shows it, the task stays open). */
public class InvalidImpactInputException extends ProcessEngineException {

    public InvalidImpactInputException(String message) {
        super(message);
    }
}
