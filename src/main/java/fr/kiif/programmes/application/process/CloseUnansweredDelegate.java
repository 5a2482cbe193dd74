package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.EligibilityCheckService;

/** ServiceTask_CloseUnanswered: no completion in time, so the application becomes ineligible. */
@Component("closeUnanswered")
public class CloseUnansweredDelegate implements JavaDelegate {

    private final EligibilityCheckService checkService;

    public CloseUnansweredDelegate(EligibilityCheckService checkService) {
        this.checkService = checkService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        checkService.closeUnanswered(ProcessVariables.reference(execution));
        execution.setVariable(ProcessVariables.OUTCOME, EligibilityCheckService.INELIGIBLE);
        execution.setVariable(ProcessVariables.COMMENT, EligibilityCheckService.NO_ANSWER_REASON);
    }
}
