package fr.kiif.programmes.application.process;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** Sets a human task's due date from a delay of the call's configuration (ISO-8601). */
@Component("taskDeadlines")
public class TaskDeadlines {

    /** Used as {@code ${taskDeadlines.dueAfter(task, eligibilityCheckDelay)}} in a create listener. */
    public void dueAfter(DelegateTask task, String isoDelay) {
        // The task's create time comes from the engine clock, as do the escalation timers.
        task.setDueDate(Date.from(task.getCreateTime().toInstant().plus(Duration.parse(isoDelay))));
    }
}
