package fr.kiif.programmes.impact.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.alliance.Territory;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.cohort.IncubatorStaffAccess;
import fr.kiif.programmes.impact.CallIndicatorSets;
import fr.kiif.programmes.impact.ImpactPhase;

/**
 * The impact report pages (HTTP Basic through the engine authentication filter on /coordination/* and
 * /incubateur/*). The call's report is for coordinators; an incubator's, a territory's and a laureate's for
 * coordinators and the incubator's staff. Staff never see sensitive indicators in figures; a laureate's
 * sensitive values are shown to their coach and the coordination only.
 */
@Controller
public class ImpactReportPagesController {

    /** A link to a sub-report. */
    public record Link(String label, String url, String detail) {
    }

    private final ImpactReportService reports;
    private final ImpactReportViews views;
    private final IncubatorStaffAccess access;
    private final CallRepository calls;
    private final CallIndicatorSets indicatorSets;
    private final AllianceReferenceData alliance;
    private final Clock clock;

    public ImpactReportPagesController(ImpactReportService reports, ImpactReportViews views, IncubatorStaffAccess access,
            CallRepository calls, CallIndicatorSets indicatorSets, AllianceReferenceData alliance, Clock clock) {
        this.reports = reports;
        this.views = views;
        this.access = access;
        this.calls = calls;
        this.indicatorSets = indicatorSets;
        this.alliance = alliance;
        this.clock = clock;
    }

    @GetMapping({"/coordination/impact", "/incubateur/impact"})
    public ModelAndView index() {
        Optional<IncubatorStaffAccess.Staff> staff = access.current();
        if (staff.isEmpty()) {
            return forbidden("Cette page est réservée aux équipes des incubateurs et à la coordination du Kiif.");
        }
        List<Link> links = new ArrayList<>();
        for (String callId : reports.callsWithFigures()) {
            String title = calls.findById(callId).map(ProgrammeCall::title).orElse(callId);
            if (staff.get().coordinator()) {
                links.add(new Link(title, "/coordination/appels/" + callId + "/impact", "Rapport de l'appel"));
            } else {
                ImpactReport report = reports.report(callId, clock.instant());
                for (String slug : report.snapshot().incubators().keySet()) {
                    if (staff.get().covers(slug)) {
                        links.add(new Link(title + " – " + incubatorName(slug), incubatorUrl(callId, slug), "Rapport de l'incubateur"));
                    }
                }
            }
        }
        ModelAndView page = new ModelAndView("impact/rapports");
        page.addObject("links", links);
        page.addObject("coordinator", staff.get().coordinator());
        return page;
    }

    @GetMapping("/coordination/appels/{callId}/impact")
    public ModelAndView callReport(@PathVariable String callId) {
        Optional<IncubatorStaffAccess.Staff> staff = access.current();
        if (staff.isEmpty() || !staff.get().coordinator()) {
            return forbidden("Le rapport d'impact d'un appel est réservé à la coordination nationale. "
                    + "Les équipes des incubateurs consultent le rapport de leur incubateur.");
        }
        Optional<ProgrammeCall> call = calls.findById(callId);
        if (call.isEmpty()) {
            return notFound("Cet appel n'existe pas.");
        }
        ImpactReport report = reports.report(callId, clock.instant());
        ModelAndView page = group(call.get(), report, report.snapshot().call(), "Rapport d'impact de l'appel", "Tous les incubateurs", true);
        List<Link> incubators = new ArrayList<>();
        report.snapshot().incubators().forEach((slug, figures) -> incubators.add(new Link(incubatorName(slug),
                incubatorUrl(callId, slug), figures.laureates() + " lauréat(s)")));
        List<Link> territories = new ArrayList<>();
        report.snapshot().territories().forEach((id, figures) -> territories.add(new Link(territoryName(id),
                territoryUrl(callId, id), figures.laureates() + " lauréat(s)")));
        page.addObject("incubatorLinks", incubators);
        page.addObject("territoryLinks", territories);
        page.addObject("laureateLinks", laureateLinks(callId, l -> true));
        page.addObject("downloads", true);
        return page;
    }

    @GetMapping("/incubateur/impact/{callId}/incubateurs/{slug}")
    public ModelAndView incubatorReport(@PathVariable String callId, @PathVariable String slug) {
        Optional<IncubatorStaffAccess.Staff> staff = access.current();
        if (staff.isEmpty()) {
            return forbidden("Cette page est réservée aux équipes des incubateurs et à la coordination du Kiif.");
        }
        if (!staff.get().covers(slug)) {
            return forbidden("Vous ne pouvez consulter que le rapport d'impact de votre incubateur.");
        }
        Optional<ProgrammeCall> call = calls.findById(callId);
        ImpactReport report = call.isEmpty() ? null : reports.report(callId, clock.instant());
        if (report == null || !report.snapshot().incubators().containsKey(slug)) {
            return notFound("Pas de mesure d'impact validée pour cet incubateur dans cet appel.");
        }
        ModelAndView page = group(call.get(), report, report.snapshot().incubators().get(slug), "Rapport d'impact de l'incubateur",
                incubatorName(slug), staff.get().coordinator());
        List<Link> territories = new ArrayList<>();
        report.snapshot().territories().forEach((id, figures) -> alliance.territory(id)
                .filter(t -> t.incubatorSlug().equals(slug))
                .ifPresent(t -> territories.add(new Link(t.name(), territoryUrl(callId, id), figures.laureates() + " lauréat(s)"))));
        page.addObject("territoryLinks", territories);
        page.addObject("laureateLinks", laureateLinks(callId, l -> slug.equals(l.incubatorSlug())));
        return page;
    }

    @GetMapping("/incubateur/impact/{callId}/territoires/{territoryId}")
    public ModelAndView territoryReport(@PathVariable String callId, @PathVariable String territoryId) {
        Optional<IncubatorStaffAccess.Staff> staff = access.current();
        if (staff.isEmpty()) {
            return forbidden("Cette page est réservée aux équipes des incubateurs et à la coordination du Kiif.");
        }
        Optional<String> owner = alliance.territory(territoryId).map(Territory::incubatorSlug);
        if (!staff.get().coordinator() && (owner.isEmpty() || !staff.get().covers(owner.get()))) {
            return forbidden("Vous ne pouvez consulter que les territoires de votre incubateur.");
        }
        Optional<ProgrammeCall> call = calls.findById(callId);
        ImpactReport report = call.isEmpty() ? null : reports.report(callId, clock.instant());
        if (report == null || !report.snapshot().territories().containsKey(territoryId)) {
            return notFound("Pas de mesure d'impact validée pour ce territoire dans cet appel.");
        }
        ModelAndView page = group(call.get(), report, report.snapshot().territories().get(territoryId),
                "Rapport d'impact du territoire", territoryName(territoryId), staff.get().coordinator());
        page.addObject("laureateLinks", laureateLinks(callId, l -> territoryId.equals(l.territory())
                && (staff.get().coordinator() || staff.get().covers(l.incubatorSlug()))));
        return page;
    }

    @GetMapping("/incubateur/impact/{callId}/laureats/{reference}")
    public ModelAndView laureateReport(@PathVariable String callId, @PathVariable String reference) {
        Optional<IncubatorStaffAccess.Staff> staff = access.current();
        if (staff.isEmpty()) {
            return forbidden("Cette page est réservée aux équipes des incubateurs et à la coordination du Kiif.");
        }
        Optional<ProgrammeCall> call = calls.findById(callId);
        Optional<LaureateMeasures> laureate = call.isEmpty() ? Optional.empty() : reports.laureate(callId, reference);
        if (laureate.isEmpty()) {
            return notFound("Pas de mesure d'impact validée pour ce lauréat dans cet appel.");
        }
        if (!staff.get().covers(laureate.get().incubatorSlug())) {
            return forbidden("Vous ne pouvez consulter que les lauréats de votre incubateur.");
        }
        boolean seesSensitive = staff.get().coordinator() || staff.get().userId().equals(laureate.get().coachId());
        ModelAndView page = new ModelAndView("impact/rapport-laureat");
        page.addObject("call", call.get());
        page.addObject("laureate", laureate.get());
        page.addObject("incubator", incubatorName(laureate.get().incubatorSlug()));
        page.addObject("territory", territoryName(laureate.get().territory()));
        page.addObject("lines", views.laureate(indicatorSets.forCall(callId), laureate.get(), seesSensitive));
        page.addObject("seesSensitive", seesSensitive);
        page.addObject("hasMidterm", laureate.get().evaluations().containsKey(ImpactPhase.MIDTERM));
        page.addObject("finalEvaluation", laureate.get().evaluations().get(ImpactPhase.FINAL));
        page.addObject("backUrl", incubatorUrl(callId, laureate.get().incubatorSlug()));
        return page;
    }

    private ModelAndView group(ProgrammeCall call, ImpactReport report, ImpactFigures figures, String heading, String scope,
            boolean coordinator) {
        ImpactFigures shown = coordinator ? figures : figures.withoutSensitive();
        ModelAndView page = new ModelAndView("impact/rapport");
        page.addObject("call", call);
        page.addObject("report", report);
        page.addObject("heading", heading);
        page.addObject("scope", scope);
        page.addObject("figures", shown);
        page.addObject("sections", views.sections(shown));
        page.addObject("contributionChart", views.contributionChart(shown));
        page.addObject("sensitiveHidden", shown.indicators().size() < figures.indicators().size());
        page.addObject("coordinator", coordinator);
        page.addObject("downloads", false);
        page.addObject("incubatorLinks", List.of());
        page.addObject("territoryLinks", List.of());
        return page;
    }

    private List<Link> laureateLinks(String callId, Predicate<LaureateMeasures> filter) {
        return reports.laureates(callId).stream().filter(filter).map(l -> new Link(l.reference() + " – " + l.projectTitle(),
                "/incubateur/impact/" + callId + "/laureats/" + l.reference(), phases(l))).toList();
    }

    private static String phases(LaureateMeasures laureate) {
        List<String> labels = laureate.evaluations().keySet().stream().map(ImpactPhase::label).toList();
        return String.join(", ", labels);
    }

    private String incubatorName(String slug) {
        return alliance.incubator(slug).map(Incubator::name).orElse(slug);
    }

    private String territoryName(String id) {
        return LaureateMeasures.NO_TERRITORY.equals(id) ? "Hors territoire" : alliance.territory(id).map(Territory::name).orElse(id);
    }

    static String incubatorUrl(String callId, String slug) {
        return "/incubateur/impact/" + callId + "/incubateurs/" + slug;
    }

    static String territoryUrl(String callId, String id) {
        return "/incubateur/impact/" + callId + "/territoires/" + id;
    }

    static ModelAndView forbidden(String detail) {
        ModelAndView page = new ModelAndView("error/403", HttpStatus.FORBIDDEN);
        page.addObject("detail", detail);
        return page;
    }

    static ModelAndView notFound(String detail) {
        ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        page.addObject("detail", detail);
        return page;
    }

}
