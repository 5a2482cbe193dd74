package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.ApplicationNotifications;

/** ServiceTask_SendAcknowledgement: the applicant's receipt with the private tracking link. */
@Component("sendAcknowledgement")
public class SendAcknowledgementDelegate implements JavaDelegate {

    private final ApplicationNotifications notifications;

    public SendAcknowledgementDelegate(ApplicationNotifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.acknowledge(ProcessVariables.reference(execution), ProcessVariables.mailKey(execution));
    }
}
