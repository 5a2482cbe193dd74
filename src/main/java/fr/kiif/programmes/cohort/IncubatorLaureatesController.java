package fr.kiif.programmes.cohort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.security.SystemAccess;

/**
 * "Lauréats accompagnés", for incubator staff: the running laureates of their incubator(s)
 * (coordinators see all), with two actions per laureate: give them another coach (the open coach
 * tasks follow) and report their withdrawal as the coach. Every post checks again that the laureate
 * is running and belongs to one of the caller's incubators.
 */
@Controller
public class IncubatorLaureatesController {

    static final String BASE = "/incubateur/laureats";
    static final int REASON_MAX = 2000;

    static final String COACH_REQUIRED = "Choisissez le nouveau coach.";
    static final String COACH_NOT_STAFF = "La personne choisie ne fait pas partie de l'équipe de l'incubateur de ce lauréat.";
    static final String COACH_SAME = "Cette personne accompagne déjà ce lauréat : choisissez un autre membre de l'équipe.";
    static final String REASON_REQUIRED = "Indiquez le motif du retrait.";
    static final String REASON_TOO_LONG = "Le motif du retrait ne doit pas dépasser 2 000 caractères.";
    static final String CONFIRM_REQUIRED = "Cochez la case pour confirmer le retrait de ce lauréat.";
    static final String NOT_RUNNING = "Ce lauréat n'est plus en accompagnement : l'action n'a pas été enregistrée.";
    static final String WITHDRAWAL_NOT_POSSIBLE = "Le retrait n'est pas possible à cette étape de l'accompagnement.";

    private final IncubatorStaffAccess access;
    private final LaureateSupportRepository supports;
    private final CoachReassignmentService reassignment;
    private final WithdrawalService withdrawals;
    private final AllianceReferenceData alliance;
    private final SystemAccess systemAccess;

    public IncubatorLaureatesController(IncubatorStaffAccess access, LaureateSupportRepository supports,
            CoachReassignmentService reassignment, WithdrawalService withdrawals, AllianceReferenceData alliance,
            SystemAccess systemAccess) {
        this.access = access;
        this.supports = supports;
        this.reassignment = reassignment;
        this.withdrawals = withdrawals;
        this.alliance = alliance;
        this.systemAccess = systemAccess;
    }

    @GetMapping(BASE)
    public ModelAndView list(@RequestParam(name = "coach", required = false) String reassigned,
                             @RequestParam(name = "retrait", required = false) String withdrawn) {
        Optional<IncubatorStaffAccess.Staff> staff = access.current();
        if (staff.isEmpty()) {
            return forbidden();
        }
        ModelAndView page = page(staff.get(), null, Map.of(), Map.of(), HttpStatus.OK);
        if (isReference(reassigned)) {
            page.addObject("confirmation", "Le coach du lauréat " + reassigned.strip()
                    + " a été changé : ses tâches en cours lui sont maintenant attribuées.");
        } else if (isReference(withdrawn)) {
            page.addObject("confirmation", "Le retrait du lauréat " + withdrawn.strip()
                    + " a été enregistré : son accompagnement est terminé et la coordination en est informée.");
        }
        return page;
    }

    @PostMapping(BASE + "/{reference}/coach")
    public ModelAndView reassign(@PathVariable String reference,
                                 @RequestParam(name = "coachId", defaultValue = "") String coachId) {
        Optional<IncubatorStaffAccess.Staff> staff = access.current();
        if (staff.isEmpty()) {
            return forbidden();
        }
        Optional<StaffLaureate> laureate = supports.running(reference).filter(l -> staff.get().covers(l.incubatorSlug()));
        if (laureate.isEmpty()) {
            return notFound();
        }
        String chosen = coachId.strip();
        Map<String, String> values = Map.of("coachId", chosen);
        Map<String, String> errors = new LinkedHashMap<>();
        List<IncubatorStaffAccess.Member> team = access.members(java.util.Set.of(laureate.get().incubatorSlug()))
                .getOrDefault(laureate.get().incubatorSlug(), List.of());
        if (chosen.isEmpty()) {
            errors.put("coachId", COACH_REQUIRED);
        } else if (team.stream().noneMatch(m -> m.id().equals(chosen))) {
            errors.put("coachId", COACH_NOT_STAFF);
        } else if (chosen.equals(laureate.get().coachId())) {
            errors.put("coachId", COACH_SAME);
        }
        if (errors.isEmpty()) {
            try {
                systemAccess.run(() -> {
                    reassignment.reassign(reference, chosen);
                    return null;
                });
                return new ModelAndView("redirect:" + BASE + "?coach=" + reference);
            } catch (IllegalArgumentException e) {
                errors.put("coachId", COACH_NOT_STAFF);
            } catch (IllegalStateException e) {
                return page(staff.get(), reference, Map.of("coachId", NOT_RUNNING), values, HttpStatus.CONFLICT);
            }
        }
        return page(staff.get(), reference, errors, values, HttpStatus.BAD_REQUEST);
    }

    @PostMapping(BASE + "/{reference}/retrait")
    public ModelAndView withdraw(@PathVariable String reference,
                                 @RequestParam(name = "reason", defaultValue = "") String reason,
                                 @RequestParam(name = "confirmed", required = false) String confirmed) {
        Optional<IncubatorStaffAccess.Staff> staff = access.current();
        if (staff.isEmpty()) {
            return forbidden();
        }
        Optional<StaffLaureate> laureate = supports.running(reference).filter(l -> staff.get().covers(l.incubatorSlug()));
        if (laureate.isEmpty()) {
            return notFound();
        }
        Map<String, String> values = Map.of("reason", reason, "confirmed", confirmed == null ? "" : "true");
        Map<String, String> errors = new LinkedHashMap<>();
        if (reason.isBlank()) {
            errors.put("reason", REASON_REQUIRED);
        } else if (reason.strip().length() > REASON_MAX) {
            errors.put("reason", REASON_TOO_LONG);
        }
        if (confirmed == null || !("true".equals(confirmed) || "on".equals(confirmed))) {
            errors.put("confirmed", CONFIRM_REQUIRED);
        }
        if (!errors.isEmpty()) {
            return page(staff.get(), reference, errors, values, HttpStatus.BAD_REQUEST);
        }
        try {
            systemAccess.run(() -> {
                withdrawals.withdraw(reference, reason.strip(), "COACH");
                return null;
            });
        } catch (IllegalStateException e) {
            return page(staff.get(), reference, Map.of("reason", WITHDRAWAL_NOT_POSSIBLE), values, HttpStatus.CONFLICT);
        }
        return new ModelAndView("redirect:" + BASE + "?retrait=" + reference);
    }

    private ModelAndView page(IncubatorStaffAccess.Staff staff, String errorReference, Map<String, String> errors,
            Map<String, String> values, HttpStatus status) {
        ModelAndView page = new ModelAndView("incubateur/laureats", status);
        List<StaffLaureate> laureates = supports.running(staff.incubatorSlugs());
        Map<String, List<IncubatorStaffAccess.Member>> team = access.members(
                laureates.stream().map(StaffLaureate::incubatorSlug).collect(Collectors.toCollection(java.util.LinkedHashSet::new)));
        Map<String, String> names = team.values().stream().flatMap(List::stream)
                .collect(Collectors.toMap(IncubatorStaffAccess.Member::id, IncubatorStaffAccess.Member::name, (a, b) -> a));
        Map<String, Incubator> incubators = alliance.incubators().stream()
                .collect(Collectors.toMap(Incubator::slug, Function.identity()));
        page.addObject("staff", staff);
        page.addObject("laureates", laureates);
        page.addObject("team", team);
        page.addObject("names", names);
        page.addObject("incubators", incubators);
        page.addObject("scope", staff.coordinator() ? "Tous les incubateurs de l'alliance"
                : staff.incubatorSlugs().stream().map(s -> incubators.containsKey(s) ? incubators.get(s).name() : s)
                        .collect(Collectors.joining(", ")));
        page.addObject("errorReference", errorReference);
        page.addObject("errors", errors);
        page.addObject("values", values);
        page.addObject("confirmation", null);
        return page;
    }

    private static boolean isReference(String value) {
        return value != null && value.strip().matches("[A-Za-z0-9-]{1,40}");
    }

    private static ModelAndView forbidden() {
        ModelAndView page = new ModelAndView("error/403", HttpStatus.FORBIDDEN);
        page.addObject("detail", "Cette page est réservée aux équipes des incubateurs et à la coordination du Kiif.");
        return page;
    }

    private static ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error/404", HttpStatus.NOT_FOUND);
        page.addObject("detail", "Ce lauréat n'existe pas, n'est plus en accompagnement ou n'est pas suivi par votre incubateur.");
        return page;
    }
}
