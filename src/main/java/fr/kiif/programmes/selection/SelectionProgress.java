package fr.kiif.programmes.selection;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.call.CallRepository;

/**
 * Tells the call's process when every eligible application has a score (message
 * {@code AllReviewsDone}, business key = call id), so the jury is prepared before the review deadline.
 */
@Service
public class SelectionProgress {

    public static final String ALL_REVIEWS_DONE = "AllReviewsDone";
    public static final String CALL_PROCESS = "programme-call";

    private static final Logger log = LoggerFactory.getLogger(SelectionProgress.class);

    private final SelectionRepository selection;
    private final CallRepository calls;
    private final RuntimeService runtimeService;

    public SelectionProgress(SelectionRepository selection, CallRepository calls, RuntimeService runtimeService) {
        this.selection = selection;
        this.calls = calls;
        this.runtimeService = runtimeService;
    }

    /**
     * True when no application of the call is still in its eligibility check and every eligible one
     * has a score (also true when the call has no application at all).
     */
    @Transactional(readOnly = true)
    public boolean allReviewed(String callId) {
        return selection.applications(callId, SelectionRepository.ELIGIBILITY_PENDING).isEmpty()
                && selection.applications(callId, SelectionRepository.IN_SELECTION).stream().allMatch(CallApplication::scored);
    }

    /**
     * Called by the application side after it stored an application's score, or found it not
     * eligible (the last pending eligibility check may end after every score is in), in its transaction.
     * Correlates {@code AllReviewsDone} when the call's process waits for it and every eligible
     * application is scored. The call's row is locked first, so that two last reviews stored at the
     * same time cannot both miss each other's score.
     */
    @Transactional
    public void applicationReviewed(String callId) {
        calls.lockForUpdate(callId);
        long waiting = runtimeService.createExecutionQuery().processDefinitionKey(CALL_PROCESS)
                .processInstanceBusinessKey(callId).messageEventSubscriptionName(ALL_REVIEWS_DONE).count();
        if (waiting == 0 || !allReviewed(callId)) {
            return;
        }
        runtimeService.createMessageCorrelation(ALL_REVIEWS_DONE).processInstanceBusinessKey(callId).correlateAll();
        log.info("Call {}: every eligible application is reviewed, the jury is being prepared", callId);
    }
}
