package fr.kiif.programmes.selection.process;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewKind;
import fr.kiif.programmes.selection.ReviewService;
import fr.kiif.programmes.selection.ReviewerAssignmentService;
import fr.kiif.programmes.selection.ReviewerAssignmentService.Assignment;

/** ServiceTask_ApplyReviewEscalation: gives the open review to another person, or moves its due date. */
@Component("applyReviewEscalation")
public class ApplyReviewEscalationDelegate implements JavaDelegate {

    static final String REVIEW_TASK = "UserTask_ReviewApplication";

    private final ReviewerAssignmentService assignments;
    private final ReviewService reviews;
    private final TaskService taskService;

    public ApplyReviewEscalationDelegate(ReviewerAssignmentService assignments, ReviewService reviews,
            TaskService taskService) {
        this.assignments = assignments;
        this.reviews = reviews;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewerId = (String) execution.getVariable(ReviewVariables.REVIEWER_ID);
        Task task = openReviewTask(taskService, execution.getProcessInstanceId(), reviewerId);
        if (task == null) {
            return; // The review was handed in (or replaced) meanwhile.
        }
        if (ValidateReviewEscalationListener.REASSIGN.equals(execution.getVariable(ReviewVariables.ESCALATION_ACTION))) {
            String reference = ReviewVariables.reference(execution);
            ReviewKind kind = ReviewKind.valueOf((String) execution.getVariable(ReviewVariables.KIND));
            Assignment assignment = assignments.reassign(reference, ReviewVariables.reviewId(execution), kind,
                    (String) execution.getVariable(ReviewVariables.NEW_REVIEWER_ID));
            AssignReviewerDelegate.set(execution, reviews, reference, kind, assignment);
            taskService.setAssignee(task.getId(), assignment.reviewerId());
        } else {
            Date due = Date.from(ValidateReviewEscalationListener
                    .parseDueDate(execution.getVariable(ReviewVariables.NEW_DUE_DATE)).orElseThrow());
            task.setDueDate(due);
            taskService.saveTask(task);
        }
    }

    static Task openReviewTask(TaskService taskService, String processInstanceId, String reviewerId) {
        if (reviewerId == null) {
            return null;
        }
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(REVIEW_TASK)
                .taskAssignee(reviewerId).singleResult();
    }
}
