package fr.kiif.programmes.call.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Complete listener of UserTask_JuryDeliberation: the decisions are checked again on the server; a
 * violation keeps the task open and Tasklist shows the French message.
 */
@Component("validateJuryDecisions")
public class ValidateJuryDecisionsListener implements TaskListener {

    private final CallProcessSteps steps;

    public ValidateJuryDecisionsListener(CallProcessSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        steps.validateJuryDecisions(task);
    }
}
