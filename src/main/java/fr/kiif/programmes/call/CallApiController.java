package fr.kiif.programmes.call;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Public JSON API: open calls and one call's configuration. */
@RestController
@RequestMapping("/api/calls")
@Tag(name = "Appels", description = "Appels à candidatures ouverts")
public class CallApiController {

    private final CallRepository calls;
    private final AllianceReferenceData alliance;
    private final Clock clock;

    public CallApiController(CallRepository calls, AllianceReferenceData alliance, Clock clock) {
        this.calls = calls;
        this.alliance = alliance;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Appels ouverts aux candidatures")
    public List<CallView> openCalls() {
        Instant now = clock.instant();
        return calls.findOpenAt(now).stream().map(call -> view(call, now)).toList();
    }

    @GetMapping("/{callId}")
    @Operation(summary = "Un appel : dates, territoires, critères")
    public CallView call(@PathVariable String callId) {
        return calls.findById(callId).filter(call -> !calls.isDraft(call.id())).map(call -> view(call, clock.instant()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Appel inconnu : " + callId));
    }

    private CallView view(ProgrammeCall call, Instant now) {
        List<CallView.TerritoryView> territories = call.coveredTerritories().stream()
                .flatMap(id -> alliance.territory(id).stream())
                .map(t -> new CallView.TerritoryView(t.id(), t.name(),
                        alliance.incubator(t.incubatorSlug()).map(Incubator::name).orElse(t.incubatorSlug()),
                        t.departements()))
                .toList();
        return new CallView(call.id(), call.programmeId(), call.programmeTitle(), call.title(), call.description(),
                call.whoMayApply(), call.opensAt(), call.closesAt(), call.isOpenAt(now), territories,
                List.copyOf(call.acceptedLegalForms()), List.copyOf(call.acceptedStages()), call.criteria());
    }
}
