package fr.kiif.programmes.selection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of SubProcess_Review: declares the slot's variables locally, so that what one
 * reviewer submits (task completion writes up the scope chain) stays in that reviewer's slot.
 */
@Component("reviewSlotVariables")
public class ReviewSlotListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        for (String name : ReviewVariables.SLOT_VARIABLES) {
            execution.setVariableLocal(name, null);
        }
        for (String name : ReviewVariables.FORM_VARIABLES) {
            execution.setVariableLocal(name, null);
        }
    }
}
