package fr.kiif.programmes.application.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.ApplicationNotifications;

/** ServiceTask_RequestCompletion: asks the applicant for what is missing, with the answer deadline. */
@Component("requestCompletion")
public class RequestCompletionDelegate implements JavaDelegate {

    private static final DateTimeFormatter FRENCH_DATE_TIME =
            DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRANCE).withZone(ZoneId.of("Europe/Paris"));

    private final ApplicationNotifications notifications;
    private final Clock clock;

    public RequestCompletionDelegate(ApplicationNotifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        Duration delay = Duration.parse((String) execution.getVariable(ProcessVariables.COMPLETION_DELAY));
        notifications.completionRequested(ProcessVariables.reference(execution), ProcessVariables.mailKey(execution),
                (String) execution.getVariable(ProcessVariables.COMMENT), FRENCH_DATE_TIME.format(now.plus(delay)));
    }
}
