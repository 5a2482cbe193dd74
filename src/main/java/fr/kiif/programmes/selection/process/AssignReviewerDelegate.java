package fr.kiif.programmes.selection.process;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewKind;
import fr.kiif.programmes.selection.ReviewService;
import fr.kiif.programmes.selection.ReviewerAssignmentService;
import fr.kiif.programmes.selection.ReviewerAssignmentService.Assignment;

/** ServiceTask_AssignReviewer: picks the reviewer of this slot automatically, if anyone is available. */
@Component("assignReviewer")
public class AssignReviewerDelegate implements JavaDelegate {

    private final ReviewerAssignmentService assignments;
    private final ReviewService reviews;

    public AssignReviewerDelegate(ReviewerAssignmentService assignments, ReviewService reviews) {
        this.assignments = assignments;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ReviewVariables.reference(execution);
        ReviewKind kind = ReviewKind.valueOf((String) execution.getVariable(ReviewVariables.KIND));
        Optional<Assignment> assignment = assignments.assignAutomatically(reference, kind,
                (String) execution.getVariable(ReviewVariables.INCUBATOR_GROUP));
        execution.setVariable(ReviewVariables.REVIEWER_FOUND, assignment.isPresent());
        assignment.ifPresent(found -> set(execution, reviews, reference, kind, found));
    }

    static void set(DelegateExecution execution, ReviewService reviews, String reference, ReviewKind kind, Assignment found) {
        execution.setVariable(ReviewVariables.REVIEWER_ID, found.reviewerId());
        execution.setVariable(ReviewVariables.REVIEW_ID, found.reviewId());
        execution.setVariable(ReviewVariables.REVIEW_SUMMARY, ReviewVariables.json(reviews.reviewerSummary(reference, kind)));
    }
}
