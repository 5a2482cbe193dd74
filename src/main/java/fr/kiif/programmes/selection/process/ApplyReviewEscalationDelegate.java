package fr.kiif.programmes.selection.process;

import java.time.Instant;
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

/**
 * ServiceTask_ApplyReviewEscalation: gives the open review to another person (who gets a fresh due
 * date, see {@link ReviewAssignmentDeadlines}), or moves its due date. Either way the review keeps its
 * task (and the reviewer's draft), and the dates of SubProcess_ReviewAssignment follow the new due date
 * so that Timer_RearmedReminder and Timer_RearmedEscalation are armed from it.
 */
@Component("applyReviewEscalation")
public class ApplyReviewEscalationDelegate implements JavaDelegate {

    static final String REVIEW_TASK = "UserTask_ReviewApplication";

    private final ReviewerAssignmentService assignments;
    private final ReviewService reviews;
    private final TaskService taskService;
    private final ReviewAssignmentDeadlines deadlines;

    public ApplyReviewEscalationDelegate(ReviewerAssignmentService assignments, ReviewService reviews,
            TaskService taskService, ReviewAssignmentDeadlines deadlines) {
        this.assignments = assignments;
        this.reviews = reviews;
        this.taskService = taskService;
        this.deadlines = deadlines;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewerId = (String) execution.getVariable(ReviewVariables.REVIEWER_ID);
        Task task = openReviewTask(taskService, execution.getProcessInstanceId(), reviewerId);
        execution.setVariable(ReviewVariables.STILL_OPEN, task != null);
        if (task == null) {
            return; // The review was handed in (or replaced) meanwhile.
        }
        Date current = task.getDueDate() != null ? task.getDueDate() : (Date) execution.getVariable(ReviewVariables.DUE_DATE);
        Instant due;
        if (ValidateReviewEscalationListener.REASSIGN.equals(execution.getVariable(ReviewVariables.ESCALATION_ACTION))) {
            String reference = ReviewVariables.reference(execution);
            ReviewKind kind = ReviewKind.valueOf((String) execution.getVariable(ReviewVariables.KIND));
            Assignment assignment = assignments.reassign(reference, ReviewVariables.reviewId(execution), kind,
                    (String) execution.getVariable(ReviewVariables.NEW_REVIEWER_ID));
            AssignReviewerDelegate.set(execution, reviews, reference, kind, assignment);
            taskService.setAssignee(task.getId(), assignment.reviewerId());
            task = taskService.createTaskQuery().taskId(task.getId()).singleResult();
            Instant now = ((Date) execution.getVariable(ReviewVariables.ESCALATION_APPLIED_AT)).toInstant();
            due = deadlines.replacementDue(current == null ? null : current.toInstant(), now);
        } else {
            due = ValidateReviewEscalationListener.parseDueDate(execution.getVariable(ReviewVariables.NEW_DUE_DATE))
                    .orElseThrow();
        }
        task.setDueDate(Date.from(due));
        taskService.saveTask(task);
        deadlines.moveTo(execution, due);
    }

    static Task openReviewTask(TaskService taskService, String processInstanceId, String reviewerId) {
        if (reviewerId == null) {
            return null;
        }
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(REVIEW_TASK)
                .taskAssignee(reviewerId).singleResult();
    }
}
