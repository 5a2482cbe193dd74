package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.EligibilityCheckService;

/** ServiceTask_RecordEligibilityDecision: the staff decision in the application's record and timeline. */
@Component("recordEligibilityDecision")
public class RecordEligibilityDecisionDelegate implements JavaDelegate {

    private final EligibilityCheckService checkService;

    public RecordEligibilityDecisionDelegate(EligibilityCheckService checkService) {
        this.checkService = checkService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String comment = (String) execution.getVariable(ProcessVariables.COMMENT);
        checkService.recordDecision(ProcessVariables.reference(execution),
                (String) execution.getVariable(ProcessVariables.OUTCOME), comment == null ? null : comment.trim());
    }
}
