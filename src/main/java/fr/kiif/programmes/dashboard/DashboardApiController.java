package fr.kiif.programmes.dashboard;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** JSON mirrors of the dashboard pages, same restrictions and filters. */
@RestController
@RequestMapping("/api/pilotage")
public class DashboardApiController {

    private final CallList callList;
    private final CallOverviewService overviews;
    private final ApplicationDossier dossiers;

    public DashboardApiController(CallList callList, CallOverviewService overviews, ApplicationDossier dossiers) {
        this.callList = callList;
        this.overviews = overviews;
        this.dossiers = dossiers;
    }

    @GetMapping("/appels")
    public List<CallList.ProgrammeRow> calls(@RequestParam(name = "incubateur", required = false) String incubator,
            @RequestParam(name = "territoire", required = false) String territory) {
        return callList.programmes(new DashboardFilter(incubator, territory));
    }

    @GetMapping("/appels/{callId}")
    public CallOverviewService.CallOverview call(@PathVariable String callId,
            @RequestParam(name = "incubateur", required = false) String incubator,
            @RequestParam(name = "territoire", required = false) String territory) {
        return overviews.overview(callId, new DashboardFilter(incubator, territory));
    }

    @GetMapping("/candidatures/{reference}")
    public ApplicationDossier.Dossier application(@PathVariable String reference) {
        return dossiers.of(reference);
    }
}
