package fr.kiif.programmes.impact.evaluation;

/** The questionnaire does not accept answers any more (sent, expired, or cancelled): French message for the page. */
public class QuestionnaireClosedException extends RuntimeException {

    public QuestionnaireClosedException(String message) {
        super(message);
    }
}
