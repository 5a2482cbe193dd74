package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.ApplicationNotifications;

/** ServiceTask_NotifyIneligible: tells the applicant, with the reason. */
@Component("notifyIneligible")
public class NotifyIneligibleDelegate implements JavaDelegate {

    private final ApplicationNotifications notifications;

    public NotifyIneligibleDelegate(ApplicationNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.ineligible(ProcessVariables.reference(execution), ProcessVariables.mailKey(execution),
                (String) execution.getVariable(ProcessVariables.COMMENT));
    }
}
