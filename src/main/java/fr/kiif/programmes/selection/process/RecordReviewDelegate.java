package fr.kiif.programmes.selection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewCriteria;
import fr.kiif.programmes.selection.ReviewService;

/**
 * ServiceTask_RecordReview: the review is DONE, or RECUSED with its reason; on recusal the slot is
 * emptied so that the next step assigns a replacement.
 */
@Component("recordReview")
public class RecordReviewDelegate implements JavaDelegate {

    private final ReviewService reviews;

    public RecordReviewDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long reviewId = ReviewVariables.reviewId(execution);
        boolean recused = ReviewService.declaresConflict(execution.getVariable(ReviewCriteria.CONFLICT_OF_INTEREST));
        if (recused) {
            reviews.recordRecusal(ReviewVariables.reference(execution), reviewId,
                    (String) execution.getVariable(ReviewVariables.REVIEWER_ID),
                    (String) execution.getVariable(ReviewVariables.RECUSAL_REASON));
            for (String name : ReviewVariables.FORM_VARIABLES) {
                execution.setVariable(name, null);
            }
            execution.setVariable(ReviewVariables.REVIEWER_ID, null);
            execution.setVariable(ReviewVariables.REVIEW_ID, null);
            execution.setVariable(ReviewVariables.REVIEW_SUMMARY, null);
        } else {
            reviews.recordDone(reviewId, ReviewService.read(reviews.askedCriteria(ReviewVariables.callId(execution)),
                    execution::getVariable));
        }
        execution.setVariable(ReviewVariables.RECUSED, recused);
    }
}
