package fr.kiif.programmes.selection.process;

import java.time.Duration;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.SelectionDecisionService;

/**
 * ServiceTask_NotifySelected / _NotifyWaitlisted / _NotifyRejected: the jury's decision (variable
 * {@code decision} of the SelectionDecision message) in the record, on the timeline and by email.
 */
@Component("recordSelectionDecision")
public class RecordSelectionDecisionDelegate implements JavaDelegate {

    private final SelectionDecisionService decisions;

    public RecordSelectionDecisionDelegate(SelectionDecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reference = ReviewVariables.reference(execution);
        String mailKey = ReviewVariables.mailKey(execution);
        String decision = (String) execution.getVariable(ReviewVariables.DECISION);
        switch (decision) {
            case SelectionDecisionService.SELECTED -> decisions.selected(reference, mailKey);
            case SelectionDecisionService.WAITLISTED -> {
                Object rank = execution.getVariable(ReviewVariables.WAITLIST_RANK);
                Duration window = decisions.waitlisted(reference, mailKey, rank instanceof Number n ? n.intValue() : null);
                execution.setVariable(ReviewVariables.PROMOTION_WINDOW, window.toString());
            }
            case SelectionDecisionService.REJECTED -> decisions.rejected(reference, mailKey);
            default -> throw new IllegalArgumentException("Unknown selection decision " + decision);
        }
    }
}
