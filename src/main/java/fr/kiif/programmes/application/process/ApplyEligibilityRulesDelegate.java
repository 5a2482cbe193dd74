package fr.kiif.programmes.application.process;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.application.EligibilityRecommendation;
import fr.kiif.programmes.application.EligibilityRulesService;

/** ServiceTask_ApplyEligibilityRules: the rules' recommendation and reasons, for the person who decides. */
@Component("applyEligibilityRules")
public class ApplyEligibilityRulesDelegate implements JavaDelegate {

    private final EligibilityRulesService rulesService;

    public ApplyEligibilityRulesDelegate(EligibilityRulesService rulesService) {
        this.rulesService = rulesService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EligibilityRecommendation recommendation = rulesService.evaluate(ProcessVariables.reference(execution));
        execution.setVariable(ProcessVariables.RECOMMENDATION, recommendation.recommendation());
        execution.setVariable(ProcessVariables.RECOMMENDATION_LABEL, recommendation.label());
        List<Map<String, String>> reasons = recommendation.reasons().stream().map(r -> Map.of("reason", r)).toList();
        execution.setVariable(ProcessVariables.REASONS, Json.of(reasons));
    }
}
