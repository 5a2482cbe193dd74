package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.EligibilityCheckService;

/** ServiceTask_PrepareEligibilityCheck: status "en vérification" and a fresh summary for the form. */
@Component("prepareEligibilityCheck")
public class PrepareEligibilityCheckDelegate implements JavaDelegate {

    private final EligibilityCheckService checkService;

    public PrepareEligibilityCheckDelegate(EligibilityCheckService checkService) {
        this.checkService = checkService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ProcessVariables.reference(execution);
        checkService.startCheck(reference);
        execution.setVariable(ProcessVariables.SUMMARY, Json.of(checkService.summary(reference)));
        // A previous round's decision must not prefill the form.
        execution.removeVariable(ProcessVariables.OUTCOME);
        execution.removeVariable(ProcessVariables.COMMENT);
    }
}
