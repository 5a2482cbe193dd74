package fr.kiif.programmes.call.process;

import org.springframework.stereotype.Service;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.CallStatus;

/**
 * PLACEHOLDER from the coordination branch (selection contract): the callflow helper's version
 * starts the {@code programme-call} process (business key = call id) and sets the status
 * PUBLISHED; the integrator keeps that version. This one only sets the status.
 */
@Service
public class CallLifecycle {

    private final CallRepository calls;

    public CallLifecycle(CallRepository calls) {
        this.calls = calls;
    }

    public void publish(String callId) {
        calls.updateStatus(callId, CallStatus.PUBLISHED);
    }
}
