package fr.kiif.programmes.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.application.UnknownCallException;

/** Public pages: the open calls and the page of one call. */
@Controller
public class CallPagesController {

    /** A covered territory as shown to applicants. */
    public record CoveredTerritory(String name, String incubatorName) {
    }

    private final CallRepository calls;
    private final AllianceReferenceData alliance;
    private final Clock clock;

    public CallPagesController(CallRepository calls, AllianceReferenceData alliance, Clock clock) {
        this.calls = calls;
        this.alliance = alliance;
        this.clock = clock;
    }

    @GetMapping("/")
    public String home(Model model) {
        model.addAttribute("calls", calls.findOpenAt(clock.instant()));
        return "home";
    }

    @GetMapping("/appels/{callId}")
    public String call(@PathVariable String callId, Model model) {
        ProgrammeCall call = calls.findById(callId).filter(c -> !calls.isDraft(c.id()))
                .orElseThrow(() -> new UnknownCallException(callId));
        Instant now = clock.instant();
        model.addAttribute("call", call);
        model.addAttribute("open", call.isOpenAt(now));
        model.addAttribute("notYetOpen", now.isBefore(call.opensAt()));
        model.addAttribute("territories", coveredTerritories(call));
        return "call";
    }

    private List<CoveredTerritory> coveredTerritories(ProgrammeCall call) {
        return call.coveredTerritories().stream()
                .flatMap(id -> alliance.territory(id).stream())
                .map(t -> new CoveredTerritory(t.name(),
                        alliance.incubator(t.incubatorSlug()).map(Incubator::name).orElse(t.incubatorSlug())))
                .toList();
    }
}
