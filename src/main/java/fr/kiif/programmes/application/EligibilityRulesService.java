package fr.kiif.programmes.application;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;

/**
 * Evaluates the {@code eligibility} decision table (hit policy COLLECT) for an application against
 * its call's configuration. Any INELIGIBLE rule wins over TO_CHECK, which wins over ELIGIBLE.
 */
@Service
public class EligibilityRulesService {

    public static final String DECISION_KEY = "eligibility";

    private final DecisionService decisionService;
    private final ApplicationRepository applications;
    private final CallRepository calls;

    public EligibilityRulesService(DecisionService decisionService, ApplicationRepository applications,
            CallRepository calls) {
        this.decisionService = decisionService;
        this.applications = applications;
        this.calls = calls;
    }

    public EligibilityRecommendation evaluate(String reference) {
        Application application = applications.findByReference(reference).orElseThrow();
        ProgrammeCall call = calls.findById(application.callId()).orElseThrow();
        List<Map<String, Object>> hits = decisionService.evaluateDecisionTableByKey(DECISION_KEY,
                        Variables.createVariables()
                                .putValue("territoryCovered", call.covers(application.territory()))
                                .putValue("legalFormAccepted", call.acceptedLegalForms().contains(application.legalForm()))
                                .putValue("stageAccepted", call.acceptedStages().contains(application.stage()))
                                .putValue("legalForm", application.legalForm().name())
                                .putValue("siretProvided", application.siret() != null))
                .getResultList();
        List<String> recommendations = hits.stream().map(hit -> (String) hit.get("recommendation")).toList();
        String recommendation = recommendations.contains(EligibilityRecommendation.INELIGIBLE)
                ? EligibilityRecommendation.INELIGIBLE
                : recommendations.contains(EligibilityRecommendation.TO_CHECK)
                        ? EligibilityRecommendation.TO_CHECK
                        : EligibilityRecommendation.ELIGIBLE;
        // Every reason is shown: the person deciding sees what passed as well as what did not.
        List<String> reasons = hits.stream().map(hit -> (String) hit.get("reason")).toList();
        return new EligibilityRecommendation(recommendation, reasons);
    }
}
