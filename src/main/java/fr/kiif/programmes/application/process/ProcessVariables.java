package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Names of the application process variables, and the outbox key of a step. */
final class ProcessVariables {

    static final String APPLICATION_REF = "applicationRef";
    static final String DEPARTEMENT = "departement";
    static final String TERRITORY = "territory";
    static final String INCUBATOR_SLUG = "incubatorSlug";
    static final String INCUBATOR_GROUP = "incubatorGroup";
    static final String RECOMMENDATION = "eligibilityRecommendation";
    static final String RECOMMENDATION_LABEL = "eligibilityRecommendationLabel";
    static final String REASONS = "eligibilityReasons";
    static final String SUMMARY = "applicationSummary";
    static final String OUTCOME = "eligibilityOutcome";
    static final String COMMENT = "eligibilityComment";
    static final String COMPLETION_DELAY = "completionDelay";

    private ProcessVariables() {
    }

    static String reference(DelegateExecution execution) {
        return (String) execution.getVariable(APPLICATION_REF);
    }

    /** One mail per activity instance: a retried job cannot send it twice. */
    static String mailKey(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
    }
}
