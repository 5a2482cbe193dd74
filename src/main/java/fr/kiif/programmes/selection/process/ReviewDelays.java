package fr.kiif.programmes.selection.process;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Delays of the review part of the application process that belong to the alliance, not to a call
 * (application.yaml, {@code kiif.selection.*}, ISO-8601). Used in the model as
 * {@code ${reviewDelays.assignReviewer}} and {@code ${reviewDelays.lateReview}}: due date and overdue
 * timer of the coordination's two tasks.
 */
@Component("reviewDelays")
public class ReviewDelays {

    private final Duration assignReviewer;
    private final Duration lateReview;
    private final Duration replacementReview;

    public ReviewDelays(@Value("${kiif.selection.assign-reviewer-delay:P3D}") Duration assignReviewer,
            @Value("${kiif.selection.late-review-delay:P3D}") Duration lateReview,
            @Value("${kiif.selection.replacement-review-delay:P7D}") Duration replacementReview) {
        this.assignReviewer = assignReviewer;
        this.lateReview = lateReview;
        this.replacementReview = replacementReview;
    }

    /** Due date of UserTask_AssignReviewerManually, after which the coordination is reminded. */
    public String getAssignReviewer() {
        return assignReviewer.toString();
    }

    /** Due date of UserTask_EscalateReview, after which the coordination is reminded. */
    public String getLateReview() {
        return lateReview.toString();
    }

    /** The least time a replacement reviewer gets (see {@link ReviewAssignmentDeadlines}). */
    public Duration replacementReview() {
        return replacementReview;
    }
}
