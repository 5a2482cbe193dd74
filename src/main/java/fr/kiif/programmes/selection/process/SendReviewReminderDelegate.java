package fr.kiif.programmes.selection.process;

import java.util.Date;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewerAssignmentService;
import fr.kiif.programmes.selection.SelectionNotifications;

/** ServiceTask_SendReviewReminder: mails the reviewer (address from the Camunda identity) before the due date. */
@Component("sendReviewReminder")
public class SendReviewReminderDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(SendReviewReminderDelegate.class);

    private final ReviewerAssignmentService assignments;
    private final SelectionNotifications notifications;
    private final TaskService taskService;

    public SendReviewReminderDelegate(ReviewerAssignmentService assignments, SelectionNotifications notifications,
            TaskService taskService) {
        this.assignments = assignments;
        this.notifications = notifications;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewerId = (String) execution.getVariable(ReviewVariables.REVIEWER_ID);
        String reference = ReviewVariables.reference(execution);
        Task task = ApplyReviewEscalationDelegate.openReviewTask(taskService, execution.getProcessInstanceId(), reviewerId);
        Date due = task != null && task.getDueDate() != null ? task.getDueDate()
                : (Date) execution.getVariable(ReviewVariables.DUE_DATE);
        assignments.email(reviewerId).ifPresentOrElse(
                email -> notifications.reviewReminder(reference, ReviewVariables.mailKey(execution), email, due.toInstant()),
                () -> LOG.warn("No email address for reviewer {}: review reminder of {} not sent", reviewerId, reference));
    }
}
