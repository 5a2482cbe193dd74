package fr.kiif.programmes.application.process;

import java.time.Duration;
import java.util.Date;

import org.springframework.stereotype.Component;

/** A human task's due date from a delay of the call's configuration or of {@code kiif.*} (ISO-8601). */
@Component("taskDeadlines")
public class TaskDeadlines {

    /**
     * Used as {@code camunda:dueDate="${taskDeadlines.after(now(), eligibilityCheckDelay)}"}: {@code now()} is the
     * engine clock, as for the escalation timers, so due dates and timers agree when tests move it.
     */
    public Date after(Date now, String isoDelay) {
        return Date.from(now.toInstant().plus(Duration.parse(isoDelay)));
    }
}
