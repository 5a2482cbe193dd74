package fr.kiif.programmes.impact.report.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Placeholder until the reports helper's version is merged (that one wins): called by the end
 * listener of {@code cohort-support}.
 */
@Component("impactConsolidation")
public class ImpactConsolidationSteps {

    public void supportEnded(DelegateExecution execution) {
        // Intentionally empty: the consolidation belongs to the reports part.
    }
}
