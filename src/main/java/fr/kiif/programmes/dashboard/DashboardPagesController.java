package fr.kiif.programmes.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.alliance.Territory;

/** The dashboard pages ("Pilotage"), in French; restrictions and figures come from the services. */
@Controller
public class DashboardPagesController {

    private final CallList callList;
    private final CallOverviewService overviews;
    private final ApplicationDossier dossiers;
    private final AllianceReferenceData alliance;
    private final ObjectMapper json = new ObjectMapper();

    public DashboardPagesController(CallList callList, CallOverviewService overviews, ApplicationDossier dossiers,
            AllianceReferenceData alliance) {
        this.callList = callList;
        this.overviews = overviews;
        this.dossiers = dossiers;
        this.alliance = alliance;
    }

    @GetMapping("/pilotage")
    public ModelAndView calls(@RequestParam(name = "incubateur", required = false) String incubator,
            @RequestParam(name = "territoire", required = false) String territory) {
        DashboardFilter filter = new DashboardFilter(incubator, territory);
        ModelAndView page = new ModelAndView("pilotage/appels");
        page.addObject("programmes", callList.programmes(filter));
        page.addObject("filter", filter);
        addLabels(page);
        return page;
    }

    @GetMapping("/pilotage/appels/{callId}")
    public ModelAndView call(@PathVariable String callId, @RequestParam(name = "incubateur", required = false) String incubator,
            @RequestParam(name = "territoire", required = false) String territory) {
        CallOverviewService.CallOverview overview = overviews.overview(callId, new DashboardFilter(incubator, territory));
        ModelAndView page = new ModelAndView("pilotage/appel");
        page.addObject("o", overview);
        page.addObject("filter", overview.filter());
        page.addObject("stages", FunnelStage.values());
        page.addObject("scoreChart", scoreChart(overview.selection()));
        addLabels(page);
        return page;
    }

    @GetMapping("/pilotage/candidatures/{reference}")
    public ModelAndView application(@PathVariable String reference) {
        ModelAndView page = new ModelAndView("pilotage/candidature");
        page.addObject("d", dossiers.of(reference));
        addLabels(page);
        return page;
    }

    private void addLabels(ModelAndView page) {
        Map<String, String> incubators = new LinkedHashMap<>();
        alliance.incubators().forEach((Incubator i) -> incubators.put(i.slug(), i.name()));
        incubators.put(CallFunnel.NONE, "Sans incubateur (coordination)");
        Map<String, String> territories = new LinkedHashMap<>();
        alliance.territories().forEach((Territory t) -> territories.put(t.id(), t.name()));
        page.addObject("incubatorNames", incubators);
        page.addObject("territoryNames", territories);
        page.addObject("processLabels", Map.of("application", "Candidature", "cohort-support", "Accompagnement",
                "impact-evaluation", "Évaluation d'impact", "candidature", "Suivi de la candidature"));
    }

    private String scoreChart(SelectionOutcome.Outcome outcome) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("labels", outcome.scores().stream().map(SelectionOutcome.Bucket::label).toList());
        spec.put("datasets", List.of(Map.of("label", "Candidatures", "data",
                outcome.scores().stream().map(SelectionOutcome.Bucket::count).toList())));
        spec.put("axis", "Candidatures");
        try {
            return json.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
