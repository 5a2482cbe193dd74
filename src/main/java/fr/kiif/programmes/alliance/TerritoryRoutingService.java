package fr.kiif.programmes.alliance;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Routes a département with the {@code territory-routing} decision table. */
@Service
public class TerritoryRoutingService {

    public static final String DECISION_KEY = "territory-routing";

    private final DecisionService decisionService;

    public TerritoryRoutingService(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    public Routing route(String departement) {
        DmnDecisionRuleResult result = decisionService
                .evaluateDecisionTableByKey(DECISION_KEY, Variables.createVariables().putValue("departement", departement))
                .getSingleResult();
        return new Routing(result.getEntry("territory"), result.getEntry("incubatorSlug"),
                result.getEntry("incubatorGroup"));
    }
}
