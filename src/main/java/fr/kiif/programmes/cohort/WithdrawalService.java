package fr.kiif.programmes.cohort;

import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;

/** A laureate leaves the support (asked by the laureate or reported by the coach): message ApplicationWithdrawn. */
@Service
public class WithdrawalService {

    public static final String PROCESS_KEY = CohortSupportStarter.PROCESS_KEY;
    public static final String MESSAGE = "ApplicationWithdrawn";
    public static final Set<String> WITHDRAWN_BY = Set.of("LAUREATE", "COACH");

    private final ApplicationRepository applications;
    private final CohortRepository cohort;
    private final RuntimeService runtime;

    public WithdrawalService(ApplicationRepository applications, CohortRepository cohort, RuntimeService runtime) {
        this.applications = applications;
        this.cohort = cohort;
        this.runtime = runtime;
    }

    /**
     * @throws IllegalArgumentException when the reason is empty or withdrawnBy is not LAUREATE or COACH
     * @throws IllegalStateException when the laureate is not in support (no record, or already ended)
     */
    @Transactional
    public void withdraw(String reference, String reason, String withdrawnBy) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Indiquez le motif du retrait.");
        }
        if (withdrawnBy == null || !WITHDRAWN_BY.contains(withdrawnBy)) {
            throw new IllegalArgumentException("withdrawnBy must be LAUREATE or COACH");
        }
        Application application = applications.findByReference(reference)
                .orElseThrow(() -> new IllegalStateException("Cette candidature n'existe pas."));
        String status = cohort.find(application.id()).map(CohortRepository.SupportRecord::status).orElse(null);
        if (!"ONBOARDING".equals(status) && !"ACTIVE".equals(status)) {
            throw new IllegalStateException("Cette candidature n'est pas en cours d'accompagnement : le retrait n'est plus possible.");
        }
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(CohortSupportStarter.PROCESS_KEY)
                .processInstanceBusinessKey(reference).active().singleResult();
        if (instance == null || runtime.createExecutionQuery().processInstanceId(instance.getId())
                .messageEventSubscriptionName(MESSAGE).count() == 0) {
            throw new IllegalStateException("Cette candidature n'est pas en cours d'accompagnement : le retrait n'est plus possible.");
        }
        runtime.createMessageCorrelation(MESSAGE).processInstanceId(instance.getId())
                .setVariable("withdrawalReason", reason.strip()).setVariable("withdrawnBy", withdrawnBy)
                .correlateExclusively();
    }
}
