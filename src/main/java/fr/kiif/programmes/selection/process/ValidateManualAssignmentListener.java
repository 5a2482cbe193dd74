package fr.kiif.programmes.selection.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewerAssignmentService;
import fr.kiif.programmes.web.TaskRefusal;

/** Complete listener of UserTask_AssignReviewerManually: the chosen person must exist, be new to the application and free of conflict. */
@Component("validateManualAssignment")
public class ValidateManualAssignmentListener implements TaskListener {

    private final ReviewerAssignmentService assignments;

    public ValidateManualAssignmentListener(ReviewerAssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public void notify(DelegateTask task) {
        assignments.checkManualChoice(ReviewVariables.reference(task), task.getVariable(ReviewVariables.MANUAL_REVIEWER_ID))
                .ifPresent(message -> {
                    throw new TaskRefusal(message);
                });
    }
}
