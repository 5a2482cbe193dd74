package fr.kiif.programmes.selection;

import org.springframework.stereotype.Component;

/**
 * PLACEHOLDER (reviews branch): the callflow helper owns the real class, which correlates
 * {@code AllReviewsDone} to the call's process once every eligible application has a score. The
 * integrator keeps the callflow version; this one only keeps the application side compiling.
 */
@Component
public class SelectionProgress {

    /** Called by the application process after an application's score is stored. */
    public void applicationReviewed(String callId) {
        // Placeholder: nothing to do until the call process exists.
    }
}
