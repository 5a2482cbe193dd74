package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.ApplicationNotifications;

/** ServiceTask_EscalateEligibilityCheck: the check is overdue, the coordination is told. */
@Component("escalateEligibilityCheck")
public class EscalateEligibilityCheckDelegate implements JavaDelegate {

    private final ApplicationNotifications notifications;

    public EscalateEligibilityCheckDelegate(ApplicationNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.eligibilityCheckOverdue(ProcessVariables.reference(execution), ProcessVariables.mailKey(execution),
                (String) execution.getVariable(ProcessVariables.INCUBATOR_GROUP));
    }
}
