package fr.kiif.programmes.coordination;

/** The call cannot be created or changed in its current state (409), with a French message. */
public class CallConflictException extends RuntimeException {

    private final String title;

    public CallConflictException(String title, String message) {
        super(message);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
