package fr.kiif.programmes.application;

/** No call with this id. */
public class UnknownCallException extends RuntimeException {

    public UnknownCallException(String callId) {
        super("Unknown call " + callId);
    }
}
