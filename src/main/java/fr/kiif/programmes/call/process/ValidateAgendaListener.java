package fr.kiif.programmes.call.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Complete listener of UserTask_PrepareJury: the agenda must be confirmed (checked on the server). */
@Component("validateAgenda")
public class ValidateAgendaListener implements TaskListener {

    private final CallProcessSteps steps;

    public ValidateAgendaListener(CallProcessSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        steps.validateAgenda(task);
    }
}
