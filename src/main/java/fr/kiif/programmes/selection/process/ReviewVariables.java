package fr.kiif.programmes.selection.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

import fr.kiif.programmes.selection.ReviewCriteria;

/** Names of the review variables of the application process, and small helpers. */
final class ReviewVariables {

    static final String APPLICATION_REF = "applicationRef";
    static final String CALL_ID = "callId";
    static final String INCUBATOR_GROUP = "incubatorGroup";
    static final String SUMMARY = "applicationSummary";
    static final String DUE_DATE = "reviewDueDate";
    static final String REMINDER_DATE = "reviewReminderDate";
    static final String ESCALATION_DATE = "reviewEscalationDate";
    static final String ESCALATION_AFTER = "reviewEscalationAfter";
    static final String BLIND_REVIEW = "blindReview";

    // Local to one review slot (one instance of SubProcess_Review).
    static final String KIND = "reviewKind";
    static final String REVIEWER_ID = "reviewerId";
    static final String REVIEW_ID = "reviewId";
    static final String REVIEWER_FOUND = "reviewerFound";
    static final String REVIEW_SUMMARY = "reviewSummary";
    static final String RECUSED = "reviewRecused";
    static final String RECUSAL_REASON = "recusalReason";
    static final String MANUAL_REVIEWER_ID = "manualReviewerId";
    static final String ESCALATION_ACTION = "escalationAction";
    static final String NEW_REVIEWER_ID = "newReviewerId";
    static final String NEW_DUE_DATE = "newDueDate";
    static final String ASSIGNED_BY_HAND = "reviewerAssignedByHand";
    static final String STILL_OPEN = "reviewStillOpen";
    /** Engine time when ServiceTask_ApplyReviewEscalation runs (input parameter {@code ${now()}}). */
    static final String ESCALATION_APPLIED_AT = "escalationAppliedAt";

    // Decision (set by the SelectionDecision message).
    static final String DECISION = "decision";
    static final String WAITLIST_RANK = "waitlistRank";
    static final String PROMOTION_WINDOW = "promotionWindow";

    /** What a reviewer fills in: reset for each person who takes the slot. */
    static final List<String> FORM_VARIABLES = List.of(ReviewCriteria.SOCIAL_IMPACT.variable(),
            ReviewCriteria.INNOVATION.variable(), ReviewCriteria.TEAM.variable(), ReviewCriteria.ECONOMIC_MODEL.variable(),
            ReviewCriteria.THEME_FIT.variable(), ReviewCriteria.SCALING.variable(), ReviewCriteria.CONFLICT_OF_INTEREST,
            ReviewCriteria.REVIEW_COMMENT, ReviewCriteria.RECOMMENDATION, RECUSAL_REASON);

    /** Everything local to a slot, so that parallel slots never share a value. */
    static final List<String> SLOT_VARIABLES = List.of(REVIEWER_ID, REVIEW_ID, REVIEWER_FOUND, REVIEW_SUMMARY, RECUSED,
            MANUAL_REVIEWER_ID, ESCALATION_ACTION, NEW_REVIEWER_ID, NEW_DUE_DATE, ASSIGNED_BY_HAND, STILL_OPEN);

    private ReviewVariables() {
    }

    static String reference(VariableScope scope) {
        return (String) scope.getVariable(APPLICATION_REF);
    }

    static String callId(VariableScope scope) {
        return (String) scope.getVariable(CALL_ID);
    }

    static long reviewId(VariableScope scope) {
        return ((Number) scope.getVariable(REVIEW_ID)).longValue();
    }

    /** One mail per activity instance: a retried job cannot send it twice. */
    static String mailKey(DelegateExecution execution) {
        return execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
    }

    static JsonValue json(Object value) {
        return SpinValues.jsonValue(Spin.JSON(value)).create();
    }
}
