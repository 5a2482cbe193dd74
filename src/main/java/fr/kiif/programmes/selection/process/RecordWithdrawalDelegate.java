package fr.kiif.programmes.selection.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.selection.SelectionDecisionService;

/** ServiceTask_RecordWithdrawal: a waitlisted applicant withdrew (message ApplicationWithdrawn). */
@Component("recordWithdrawal")
public class RecordWithdrawalDelegate implements JavaDelegate {

    private final SelectionDecisionService decisions;

    public RecordWithdrawalDelegate(SelectionDecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.withdrawn(ReviewVariables.reference(execution));
    }
}
