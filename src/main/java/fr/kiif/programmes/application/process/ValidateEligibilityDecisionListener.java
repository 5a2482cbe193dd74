package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.EligibilityCheckService;
import fr.kiif.programmes.web.TaskRefusal;

/**
 * Complete listener of UserTask_CheckEligibility: the browser form's checks are not enough, so the
 * decision is checked again here; an error keeps the task open and shows the message in Tasklist.
 */
@Component("validateEligibilityDecision")
public class ValidateEligibilityDecisionListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        EligibilityCheckService.validateDecision(task.getVariable(ProcessVariables.OUTCOME),
                        task.getVariable(ProcessVariables.COMMENT))
                .ifPresent(message -> {
                    throw new TaskRefusal(message);
                });
    }
}
