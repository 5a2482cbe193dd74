package fr.kiif.programmes.coordination;

/** The caller is authenticated but not a member of kiif-coordination or camunda-admin. */
public class NotCoordinatorException extends RuntimeException {

    public NotCoordinatorException() {
        super("Réservé à la coordination nationale.");
    }
}
