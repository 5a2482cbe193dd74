package fr.kiif.programmes.application.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import fr.kiif.programmes.alliance.Routing;
import fr.kiif.programmes.alliance.TerritoryRoutingService;
import fr.kiif.programmes.application.EligibilityCheckService;

/** ServiceTask_RouteApplication: territory, incubator and candidate group from the département. */
@Component("routeApplication")
public class RouteApplicationDelegate implements JavaDelegate {

    private final TerritoryRoutingService routingService;
    private final EligibilityCheckService checkService;

    public RouteApplicationDelegate(TerritoryRoutingService routingService, EligibilityCheckService checkService) {
        this.routingService = routingService;
        this.checkService = checkService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Routing routing = routingService.route((String) execution.getVariable(ProcessVariables.DEPARTEMENT));
        checkService.recordRouting(ProcessVariables.reference(execution), routing);
        execution.setVariable(ProcessVariables.TERRITORY, routing.territory());
        execution.setVariable(ProcessVariables.INCUBATOR_SLUG, routing.incubatorSlug());
        execution.setVariable(ProcessVariables.INCUBATOR_GROUP, routing.incubatorGroup());
    }
}
