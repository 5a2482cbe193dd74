package fr.kiif.programmes.impact.evaluation;

import fr.kiif.programmes.web.TaskRefusal;

/** A coach's task completion was refused: the French message says why (Tasklist shows it, the task stays open). */
public class InvalidImpactInputException extends TaskRefusal {

    public InvalidImpactInputException(String message) {
        super(message);
    }
}
