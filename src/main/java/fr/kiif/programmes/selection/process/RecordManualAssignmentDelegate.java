package fr.kiif.programmes.selection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewKind;
import fr.kiif.programmes.selection.ReviewService;
import fr.kiif.programmes.selection.ReviewerAssignmentService;

/** ServiceTask_RecordManualAssignment: the person chosen by the coordination gets the review. */
@Component("recordManualAssignment")
public class RecordManualAssignmentDelegate implements JavaDelegate {

    private final ReviewerAssignmentService assignments;
    private final ReviewService reviews;

    public RecordManualAssignmentDelegate(ReviewerAssignmentService assignments, ReviewService reviews) {
        this.assignments = assignments;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ReviewVariables.reference(execution);
        ReviewKind kind = ReviewKind.valueOf((String) execution.getVariable(ReviewVariables.KIND));
        String userId = (String) execution.getVariable(ReviewVariables.MANUAL_REVIEWER_ID);
        AssignReviewerDelegate.set(execution, reviews, reference, kind, assignments.assignManually(reference, kind, userId));
        execution.setVariable(ReviewVariables.MANUAL_REVIEWER_ID, null);
        // A person chosen by hand gets at least the replacement delay (ReviewAssignmentDeadlines).
        execution.setVariable(ReviewVariables.ASSIGNED_BY_HAND, true);
    }
}
