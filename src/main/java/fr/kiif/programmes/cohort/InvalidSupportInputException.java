package fr.kiif.programmes.cohort;

import fr.kiif.programmes.web.TaskRefusal;

/** A cohort task completed with invalid values: the completion fails and the task stays open. */
public class InvalidSupportInputException extends TaskRefusal {

    public InvalidSupportInputException(String message) {
        super(message);
    }
}
