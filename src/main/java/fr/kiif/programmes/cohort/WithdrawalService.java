package fr.kiif.programmes.cohort;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;

/**
 * Withdrawal of a laureate from their support, by the laureate (private page) or by the coach.
 * Placeholder of the laureate branch: sends the message {@value #MESSAGE} to the laureate's
 * {@value #PROCESS_KEY} instance; the cohort branch's version (which also records the withdrawal)
 * replaces it at integration.
 */
@Service
public class WithdrawalService {

    public static final String PROCESS_KEY = "cohort-support";
    public static final String MESSAGE = "ApplicationWithdrawn";
    public static final Set<String> WITHDRAWN_BY = Set.of("LAUREATE", "COACH");

    private final RuntimeService runtimeService;

    public WithdrawalService(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    /**
     * Correlates {@value #MESSAGE} with variables withdrawalReason and withdrawnBy.
     *
     * @throws IllegalStateException when no support of this laureate waits for a withdrawal
     * @throws IllegalArgumentException when the reason is blank or withdrawnBy unknown
     */
    public void withdraw(String reference, String reason, String withdrawnBy) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Indiquez le motif du retrait.");
        }
        if (!WITHDRAWN_BY.contains(withdrawnBy)) {
            throw new IllegalArgumentException("Auteur du retrait inconnu : " + withdrawnBy);
        }
        List<Execution> waiting = runtimeService.createExecutionQuery()
                .processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(reference)
                .messageEventSubscriptionName(MESSAGE)
                .list();
        if (waiting.isEmpty()) {
            throw new IllegalStateException(
                    "Cette candidature n'est pas en cours d'accompagnement : le retrait n'est pas possible.");
        }
        runtimeService.createMessageCorrelation(MESSAGE)
                .processInstanceId(waiting.get(0).getProcessInstanceId())
                .setVariables(Map.of("withdrawalReason", reason.strip(), "withdrawnBy", withdrawnBy))
                .correlate();
    }
}
