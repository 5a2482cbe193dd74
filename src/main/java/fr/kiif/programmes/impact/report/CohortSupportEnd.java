package fr.kiif.programmes.impact.report;

import java.time.Instant;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.call.CallRepository;

/**
 * Notices the end of a call's cohort support. Both sides take the call row's lock (this one when a
 * laureate's support ends, the programme-call check before it waits), so the last end cannot slip
 * between the check and the wait; the periodic check in programme-call is the safety net.
 */
@Service
public class CohortSupportEnd {

    public static final String MESSAGE = "CohortSupportEnded";
    static final String CALL_PROCESS = "programme-call";

    private static final Logger log = LoggerFactory.getLogger(CohortSupportEnd.class);

    private final ImpactReportRepository repository;
    private final CallRepository calls;
    private final RuntimeService runtimeService;

    public CohortSupportEnd(ImpactReportRepository repository, CallRepository calls, RuntimeService runtimeService) {
        this.repository = repository;
        this.calls = calls;
        this.runtimeService = runtimeService;
    }

    /** A laureate's cohort-support instance has ended, whatever the path (joins the engine's transaction). */
    @Transactional
    public void laureateClosed(String reference, Instant at) {
        repository.closeSupport(reference, at).ifPresent(this::correlateIfEnded);
    }

    /** Whether the cohort's support is over, under the call's lock (ServiceTask_CheckCohortSupport). */
    @Transactional
    public boolean ended(String callId) {
        calls.lockForUpdate(callId);
        return repository.cohortSupportEnded(callId);
    }

    private void correlateIfEnded(String callId) {
        if (!ended(callId)) {
            return;
        }
        long waiting = runtimeService.createExecutionQuery().processDefinitionKey(CALL_PROCESS)
                .processInstanceBusinessKey(callId).messageEventSubscriptionName(MESSAGE).count();
        if (waiting > 0) {
            runtimeService.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(callId).correlateAll();
            log.info("Call {}: every laureate's support has ended, impact consolidation starts", callId);
        }
    }
}
