package fr.kiif.programmes.coordination;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import fr.kiif.programmes.application.UnknownCallException;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.process.CallLifecycle;

/**
 * Creates, changes and publishes calls for the coordination (API and pages). A new call is a DRAFT,
 * invisible to the public until published; its configuration can change until it opens.
 */
@Service
public class CallConfigurationService {

    private final CallRepository calls;
    private final CallConfigurationValidator validator;
    private final CamundaUsers users;
    private final CallLifecycle lifecycle;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public CallConfigurationService(CallRepository calls, CallConfigurationValidator validator, CamundaUsers users,
                                    CallLifecycle lifecycle, TransactionTemplate transaction, Clock clock) {
        this.calls = calls;
        this.validator = validator;
        this.users = users;
        this.lifecycle = lifecycle;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return the id of the new call */
    public String create(CallConfiguration configuration) {
        String id = CallConfigurationValidator.trim(configuration.id());
        if (id != null && calls.exists(id)) {
            throw duplicate(id);
        }
        ValidatedCall valid = validator.validate(configuration, null);
        try {
            transaction.executeWithoutResult(status -> {
                calls.insertDraft(valid.call());
                calls.saveSelectionSettings(valid.call().id(), valid.settings());
                calls.saveImpactDelays(valid.call().id(), valid.impactDelays());
                users.syncJury(valid.call().id(), valid.settings().juryMembers());
                if (valid.publish()) {
                    lifecycle.publish(valid.call().id());
                }
            });
        } catch (DuplicateKeyException e) {
            // Same id (or derived prefix) stored concurrently.
            throw calls.exists(id) ? duplicate(id) : e;
        }
        return valid.call().id();
    }

    /** Replaces the configuration of a call that has not opened yet. */
    public void update(String callId, CallConfiguration configuration) {
        ProgrammeCall existing = calls.findById(callId).orElseThrow(() -> new UnknownCallException(callId));
        requireEditable(existing);
        ValidatedCall valid = validator.validate(configuration, callId);
        transaction.executeWithoutResult(status -> {
            requireEditable(calls.findById(callId).orElseThrow(() -> new UnknownCallException(callId)));
            calls.update(valid.call());
            calls.saveSelectionSettings(callId, valid.settings());
            calls.saveImpactDelays(callId, valid.impactDelays());
            users.syncJury(callId, valid.settings().juryMembers());
            if (valid.publish() && calls.status(callId) == CallStatus.DRAFT) {
                lifecycle.publish(callId);
            } else if (calls.status(callId) == CallStatus.PUBLISHED) {
                lifecycle.rescheduleOpening(callId);
            }
        });
    }

    public void publish(String callId) {
        ProgrammeCall call = calls.findById(callId).orElseThrow(() -> new UnknownCallException(callId));
        if (calls.status(callId) != CallStatus.DRAFT) {
            throw new CallConflictException("Appel déjà publié", "Cet appel est déjà publié.");
        }
        if (!call.closesAt().isAfter(clock.instant())) {
            throw new CallConflictException("Appel clos",
                    "La date de clôture de cet appel est passée : modifiez ses dates avant de le publier.");
        }
        transaction.executeWithoutResult(status -> lifecycle.publish(callId));
    }

    /** Whether the configuration may still change: not opened yet (date and status). */
    public boolean isEditable(ProgrammeCall call) {
        CallStatus status = calls.status(call.id());
        return (status == CallStatus.DRAFT || status == CallStatus.PUBLISHED) && clock.instant().isBefore(call.opensAt());
    }

    /** Checks a configuration without storing anything (throws {@link InvalidCallConfigurationException}). */
    public ValidatedCall validate(CallConfiguration configuration, String callId) {
        return validator.validate(configuration, callId);
    }

    public List<ProgrammeCall> all() {
        return calls.findAll();
    }

    private void requireEditable(ProgrammeCall call) {
        if (!isEditable(call)) {
            throw new CallConflictException("Appel déjà ouvert",
                    "Cet appel est déjà ouvert : sa configuration ne peut plus être modifiée.");
        }
    }

    private static CallConflictException duplicate(String id) {
        return new CallConflictException("Appel existant", "Un appel avec l'identifiant « " + id + " » existe déjà.");
    }
}
