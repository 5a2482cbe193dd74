package fr.kiif.programmes.selection.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewCriteria;
import fr.kiif.programmes.selection.ReviewService;
import fr.kiif.programmes.web.TaskRefusal;

/**
 * Complete listener of UserTask_ReviewApplication: scores 1 to 5 for every asked criterion, a
 * comment and a recommendation, unless the reviewer declares a conflict of interest. Scores are
 * stored back as integers.
 */
@Component("validateReview")
public class ValidateReviewListener implements TaskListener {

    private final ReviewService reviews;

    public ValidateReviewListener(ReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public void notify(DelegateTask task) {
        Set<ReviewCriteria> asked = reviews.askedCriteria(ReviewVariables.callId(task));
        ReviewService.problem(asked, task::getVariable).ifPresent(message -> {
            throw new TaskRefusal(message);
        });
        if (!ReviewService.declaresConflict(task.getVariable(ReviewCriteria.CONFLICT_OF_INTEREST))) {
            for (ReviewCriteria criterion : asked) {
                task.setVariable(criterion.variable(), ReviewService.score(task.getVariable(criterion.variable())).orElseThrow());
            }
        }
    }
}
