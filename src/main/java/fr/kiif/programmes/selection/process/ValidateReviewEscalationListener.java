package fr.kiif.programmes.selection.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.ReviewerAssignmentService;
import fr.kiif.programmes.web.TaskRefusal;

/**
 * Complete listener of UserTask_EscalateReview: either another reviewer (checked like a manual
 * assignment) or a new due date later than the current one.
 */
@Component("validateReviewEscalation")
public class ValidateReviewEscalationListener implements TaskListener {

    static final String REASSIGN = "REASSIGN";
    static final String EXTEND = "EXTEND";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ReviewerAssignmentService assignments;
    private final TaskService taskService;

    public ValidateReviewEscalationListener(ReviewerAssignmentService assignments, TaskService taskService) {
        this.assignments = assignments;
        this.taskService = taskService;
    }

    @Override
    public void notify(DelegateTask task) {
        Object action = task.getVariable(ReviewVariables.ESCALATION_ACTION);
        if (REASSIGN.equals(action)) {
            assignments.checkManualChoice(ReviewVariables.reference(task), task.getVariable(ReviewVariables.NEW_REVIEWER_ID))
                    .ifPresent(ValidateReviewEscalationListener::fail);
        } else if (EXTEND.equals(action)) {
            Optional<Instant> newDue = parseDueDate(task.getVariable(ReviewVariables.NEW_DUE_DATE));
            if (newDue.isEmpty()) {
                fail("Indiquez la nouvelle date limite de l'évaluation (jj/mm/aaaa).");
            }
            Task review = ApplyReviewEscalationDelegate.openReviewTask(taskService, task.getProcessInstanceId(),
                    (String) task.getVariable(ReviewVariables.REVIEWER_ID));
            Date current = review != null && review.getDueDate() != null ? review.getDueDate()
                    : (Date) task.getVariable(ReviewVariables.DUE_DATE);
            if (current != null && !newDue.get().isAfter(current.toInstant())) {
                fail("La nouvelle date limite doit être postérieure à la date limite actuelle.");
            }
        } else {
            fail("Choisissez une action : confier l'évaluation à une autre personne ou prolonger le délai.");
        }
    }

    /** A date (end of that day, Paris time) or a date-time from the form. */
    static Optional<Instant> parseDueDate(Object value) {
        if (value instanceof Date date) {
            return Optional.of(date.toInstant());
        }
        if (!(value instanceof String text) || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        try {
            if (trimmed.length() == 10) {
                return Optional.of(LocalDate.parse(trimmed).atTime(23, 59).atZone(PARIS).toInstant());
            }
            try {
                return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
            } catch (DateTimeParseException noOffset) {
                return Optional.of(LocalDateTime.parse(trimmed).atZone(PARIS).toInstant());
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void fail(String message) {
        throw new TaskRefusal(message);
    }
}
