package fr.kiif.programmes.selection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewService;

/** ServiceTask_CancelOpenReviews: the jury decided before every review was in; open reviews are closed. */
@Component("cancelOpenReviews")
public class CancelOpenReviewsDelegate implements JavaDelegate {

    private final ReviewService reviews;

    public CancelOpenReviewsDelegate(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.cancelOpenReviews(ReviewVariables.reference(execution));
    }
}
