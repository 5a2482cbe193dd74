package fr.kiif.programmes.selection.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Due date, reminder and escalation dates of one person's review (SubProcess_ReviewAssignment),
 * kept as variables local to that sub-process so that the timers of the review (and the re-armed
 * ones after an escalation) read this person's dates.
 * <p>
 * Rule for a replacement: whoever gets a review other than by the first automatic assignment of the
 * slot (replacement after a recusal, a person chosen by hand, a reassignment by the coordination)
 * gets the current due date, or {@code now + kiif.selection.replacement-review-delay} if that is
 * later. The reminder stays {@code reviewReminderBefore} before it and the escalation
 * {@code escalationAfter} after it (delays of the call).
 */
@Component("reviewAssignmentDeadlines")
public class ReviewAssignmentDeadlines {

    private final ReviewDelays delays;

    public ReviewAssignmentDeadlines(ReviewDelays delays) {
        this.delays = delays;
    }

    /** Start listener of SubProcess_ReviewAssignment: {@code ${reviewAssignmentDeadlines.start(execution, now())}}. */
    public void start(DelegateExecution execution, Date now) {
        Instant due = ((Date) execution.getVariable(ReviewVariables.DUE_DATE)).toInstant();
        boolean replacement = Boolean.TRUE.equals(execution.getVariable(ReviewVariables.RECUSED))
                || Boolean.TRUE.equals(execution.getVariable(ReviewVariables.ASSIGNED_BY_HAND));
        Instant reminder = ((Date) execution.getVariable(ReviewVariables.REMINDER_DATE)).toInstant();
        Duration reminderBefore = Duration.between(reminder, due);
        Instant assignmentDue = replacement ? replacementDue(due, now.toInstant()) : due;
        execution.setVariableLocal(ReviewVariables.DUE_DATE, Date.from(assignmentDue));
        execution.setVariableLocal(ReviewVariables.REMINDER_DATE, Date.from(assignmentDue.minus(reminderBefore)));
        execution.setVariableLocal(ReviewVariables.ESCALATION_DATE, Date.from(assignmentDue.plus(escalationAfter(execution))));
    }

    /** The due date a replacement gets: the current one, or now plus the configured delay if later. */
    public Instant replacementDue(Instant currentDue, Instant now) {
        Instant least = now.plus(delays.replacementReview());
        return currentDue != null && currentDue.isAfter(least) ? currentDue : least;
    }

    /**
     * A new due date for the open review (extension or reassignment): the sub-process's dates are
     * updated, so that the re-armed reminder and escalation timers follow it.
     */
    public void moveTo(DelegateExecution execution, Instant due) {
        Instant oldDue = ((Date) execution.getVariable(ReviewVariables.DUE_DATE)).toInstant();
        Instant oldReminder = ((Date) execution.getVariable(ReviewVariables.REMINDER_DATE)).toInstant();
        Duration reminderBefore = Duration.between(oldReminder, oldDue);
        execution.setVariable(ReviewVariables.DUE_DATE, Date.from(due));
        execution.setVariable(ReviewVariables.REMINDER_DATE, Date.from(due.minus(reminderBefore)));
        execution.setVariable(ReviewVariables.ESCALATION_DATE, Date.from(due.plus(escalationAfter(execution))));
    }

    private static Duration escalationAfter(DelegateExecution execution) {
        return Duration.parse((String) execution.getVariable(ReviewVariables.ESCALATION_AFTER));
    }
}
