package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.ApplicationNotifications;

/** ServiceTask_NotifyEligible: tells the applicant the application goes on to the reviews. */
@Component("notifyEligible")
public class NotifyEligibleDelegate implements JavaDelegate {

    private final ApplicationNotifications notifications;

    public NotifyEligibleDelegate(ApplicationNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.eligible(ProcessVariables.reference(execution), ProcessVariables.mailKey(execution));
    }
}
