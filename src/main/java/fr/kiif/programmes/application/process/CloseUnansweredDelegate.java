package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.ApplicationNotifications;
import fr.kiif.programmes.application.EligibilityCheckService;

/** ServiceTask_CloseUnanswered: no completion in time, so the application becomes ineligible; the applicant is told. */
@Component("closeUnanswered")
public class CloseUnansweredDelegate implements JavaDelegate {

    private final EligibilityCheckService checkService;
    private final ApplicationNotifications notifications;

    public CloseUnansweredDelegate(EligibilityCheckService checkService, ApplicationNotifications notifications) {
        this.checkService = checkService;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        checkService.closeUnanswered(ProcessVariables.reference(execution));
        execution.setVariable(ProcessVariables.OUTCOME, EligibilityCheckService.INELIGIBLE);
        execution.setVariable(ProcessVariables.COMMENT, EligibilityCheckService.NO_ANSWER_REASON);
        notifications.ineligible(ProcessVariables.reference(execution), ProcessVariables.mailKey(execution),
                EligibilityCheckService.NO_ANSWER_REASON);
    }
}
