package fr.kiif.programmes.selection.process;

import java.time.Instant;
import java.util.Objects;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.SelectionNotifications;

/**
 * ServiceTask_EscalateManualAssignment and ServiceTask_EscalateLateReview: a task of the coordination
 * in the review part is past its due date; the coordination is mailed (one mail per timer firing).
 * Used as {@code ${reviewTaskOverdue.notify(execution, 'UserTask_...')}}.
 */
@Component("reviewTaskOverdue")
public class ReviewTaskOverdue {

    static final String LOOP_COUNTER = "loopCounter";

    private final SelectionNotifications notifications;
    private final TaskService taskService;

    public ReviewTaskOverdue(SelectionNotifications notifications, TaskService taskService) {
        this.notifications = notifications;
        this.taskService = taskService;
    }

    public void notify(DelegateExecution execution, String taskDefinitionKey) {
        // Several review slots may each have such a task: the one of this slot shares its loop counter.
        Object slot = execution.getVariable(LOOP_COUNTER);
        Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(taskDefinitionKey).list().stream()
                .filter(candidate -> Objects.equals(taskService.getVariable(candidate.getId(), LOOP_COUNTER), slot))
                .findFirst().orElse(null);
        if (task == null) {
            return; // Completed in the same instant: nothing is late any more.
        }
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        notifications.reviewTaskOverdue(ReviewVariables.reference(execution), ReviewVariables.mailKey(execution),
                task.getName(), due);
    }
}
