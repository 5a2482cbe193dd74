package fr.kiif.programmes.selection.process;

import java.util.Date;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewCriteria;
import fr.kiif.programmes.selection.ReviewService;

/**
 * ServiceTask_StartReviews: status "en cours d'évaluation", the criteria asked (weight above 0) and
 * the review deadlines of the call. The eligibility summary is removed from the process: reviewers
 * get their own (blind for cross reviewers when the call asks for it).
 */
@Component("startReviews")
public class StartReviewsDelegate implements JavaDelegate {

    private final ReviewService reviews;

    public StartReviewsDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ReviewVariables.reference(execution);
        String callId = ReviewVariables.callId(execution);
        reviews.startReviews(reference);
        Set<ReviewCriteria> asked = reviews.askedCriteria(callId);
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            execution.setVariable(criterion.askVariable(), asked.contains(criterion));
        }
        ReviewService.ReviewDeadlines deadlines = reviews.deadlines(callId);
        execution.setVariable(ReviewVariables.DUE_DATE, Date.from(deadlines.due()));
        execution.setVariable(ReviewVariables.REMINDER_DATE, Date.from(deadlines.reminder()));
        execution.setVariable(ReviewVariables.ESCALATION_DATE, Date.from(deadlines.escalation()));
        execution.setVariable(ReviewVariables.ESCALATION_AFTER, deadlines.escalationAfter().toString());
        execution.removeVariable(ReviewVariables.SUMMARY);
    }
}
