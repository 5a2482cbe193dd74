package fr.kiif.programmes.application;

/** The call exists but does not accept applications now. */
public class CallNotOpenException extends RuntimeException {

    public CallNotOpenException(String callId) {
        super("Call " + callId + " is not open");
    }
}
