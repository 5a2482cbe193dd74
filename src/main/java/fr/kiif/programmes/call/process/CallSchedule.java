package fr.kiif.programmes.call.process;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;

/**
 * The dates of a call's process, from its configuration: opening, closing, the completion reminder
 * (a configurable delay before closing, planned only if still ahead) and the review deadline
 * (closing + the call's review deadline). Timers read them as ISO-8601 strings.
 */
record CallSchedule(Instant opensAt, Instant closesAt, Instant completionReminderAt, boolean completionReminderPlanned,
                    Instant reviewDeadlineAt) {

    static final String OPENS_AT = "opensAt";
    static final String CLOSES_AT = "closesAt";
    static final String COMPLETION_REMINDER_AT = "completionReminderAt";
    static final String COMPLETION_REMINDER_PLANNED = "completionReminderPlanned";
    static final String REVIEW_DEADLINE_AT = "reviewDeadlineAt";

    static CallSchedule of(ProgrammeCall call, SelectionSettings settings, Duration reminderBefore, Instant now) {
        Instant opensAt = call.opensAt().truncatedTo(ChronoUnit.SECONDS);
        Instant closesAt = call.closesAt().truncatedTo(ChronoUnit.SECONDS);
        Instant reminderAt = closesAt.minus(reminderBefore);
        Instant notBefore = now.isAfter(opensAt) ? now : opensAt;
        return new CallSchedule(opensAt, closesAt, reminderAt, reminderAt.isAfter(notBefore),
                closesAt.plus(settings.reviewDeadline()));
    }

    Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(OPENS_AT, opensAt.toString());
        variables.put(CLOSES_AT, closesAt.toString());
        variables.put(COMPLETION_REMINDER_AT, completionReminderAt.toString());
        variables.put(COMPLETION_REMINDER_PLANNED, completionReminderPlanned);
        variables.put(REVIEW_DEADLINE_AT, reviewDeadlineAt.toString());
        return variables;
    }
}
