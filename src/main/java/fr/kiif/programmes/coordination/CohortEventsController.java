package fr.kiif.programmes.coordination;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.application.ApplicationApiErrors.FieldError;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.cohort.CohortEvent;
import fr.kiif.programmes.cohort.CohortEvents;
import fr.kiif.programmes.cohort.InvalidCohortEventException;

/**
 * "Événements collectifs": workshops gathering laureates across territories. A coordinator records
 * a session for a call (date, topic, an incubator or national, duration) and who attended it.
 */
@Controller
public class CohortEventsController {

    static final String BASE = "/coordination/evenements";

    private final CohortEvents events;
    private final CallRepository calls;
    private final AllianceReferenceData alliance;
    private final CoordinatorAccess access;

    public CohortEventsController(CohortEvents events, CallRepository calls, AllianceReferenceData alliance,
            CoordinatorAccess access) {
        this.events = events;
        this.calls = calls;
        this.alliance = alliance;
        this.access = access;
    }

    @GetMapping(BASE)
    public ModelAndView list(@RequestParam(name = "appel", required = false) String callId,
                             @RequestParam(name = "supprime", required = false) String removed) {
        if (access.currentCoordinator().isEmpty()) {
            return CoordinationCallPagesController.forbidden();
        }
        if (callId != null && !callId.isBlank() && calls.findById(callId).isEmpty()) {
            return unknown("Appel inconnu", "Cet appel n'existe pas.");
        }
        ModelAndView page = page(callId == null || callId.isBlank() ? null : callId, List.of(), Map.of(), HttpStatus.OK);
        page.addObject("removed", removed != null);
        return page;
    }

    @PostMapping(BASE)
    public ModelAndView record(@RequestParam(name = "callId", defaultValue = "") String callId,
                               @RequestParam(name = "heldOn", defaultValue = "") String heldOn,
                               @RequestParam(name = "topic", defaultValue = "") String topic,
                               @RequestParam(name = "scope", defaultValue = "") String scope,
                               @RequestParam(name = "durationHours", defaultValue = "") String durationHours) {
        String coordinator = access.currentCoordinator().orElse(null);
        if (coordinator == null) {
            return CoordinationCallPagesController.forbidden();
        }
        if (calls.findById(callId).isEmpty()) {
            return unknown("Appel inconnu", "Cet appel n'existe pas.");
        }
        Map<String, String> values = Map.of("heldOn", heldOn, "topic", topic, "scope", scope, "durationHours", durationHours);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = null;
        if (!heldOn.isBlank()) {
            try {
                date = LocalDate.parse(heldOn.strip());
            } catch (DateTimeParseException e) {
                errors.put("heldOn", "La date doit être une date valide (jj/mm/aaaa).");
            }
        }
        BigDecimal hours = null;
        if (!durationHours.isBlank()) {
            try {
                hours = new BigDecimal(durationHours.strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                errors.put("durationHours", "La durée doit être un nombre d'heures, par exemple 2 ou 1,5.");
            }
        }
        events.validate(date, topic, scope, hours).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            long id = events.record(callId, date, topic, scope, hours, coordinator);
            return new ModelAndView("redirect:" + BASE + "/" + id + "?ajoute");
        }
        return page(callId, fieldErrors(errors), values, HttpStatus.BAD_REQUEST);
    }

    @GetMapping(BASE + "/{id}")
    public ModelAndView event(@PathVariable long id,
                              @RequestParam(name = "ajoute", required = false) String added,
                              @RequestParam(name = "presences", required = false) String attendanceSaved) {
        if (access.currentCoordinator().isEmpty()) {
            return CoordinationCallPagesController.forbidden();
        }
        Optional<CohortEvent> event = events.find(id);
        if (event.isEmpty()) {
            return unknownEvent();
        }
        ModelAndView page = eventPage(event.get(), events.attendance(id), List.of(), HttpStatus.OK);
        page.addObject("added", added != null);
        page.addObject("attendanceSaved", attendanceSaved != null);
        return page;
    }

    @PostMapping(BASE + "/{id}/presences")
    public ModelAndView attendance(@PathVariable long id,
                                   @RequestParam(name = "applicationId", required = false) List<Long> applicationIds) {
        if (access.currentCoordinator().isEmpty()) {
            return CoordinationCallPagesController.forbidden();
        }
        Optional<CohortEvent> event = events.find(id);
        if (event.isEmpty()) {
            return unknownEvent();
        }
        List<Long> ticked = applicationIds == null ? List.of() : applicationIds;
        try {
            events.recordAttendance(id, ticked);
        } catch (InvalidCohortEventException e) {
            return eventPage(event.get(), Set.copyOf(ticked), fieldErrors(e.fieldErrors()), HttpStatus.BAD_REQUEST);
        }
        return new ModelAndView("redirect:" + BASE + "/" + id + "?presences");
    }

    @PostMapping(BASE + "/{id}/supprimer")
    public ModelAndView remove(@PathVariable long id) {
        if (access.currentCoordinator().isEmpty()) {
            return CoordinationCallPagesController.forbidden();
        }
        Optional<CohortEvent> event = events.find(id);
        if (event.isEmpty()) {
            return unknownEvent();
        }
        events.remove(id);
        return new ModelAndView("redirect:" + BASE + "?appel=" + event.get().callId() + "&supprime");
    }

    private ModelAndView page(String callId, List<FieldError> errors, Map<String, String> values, HttpStatus status) {
        ModelAndView page = new ModelAndView("coordination/evenements", status);
        List<ProgrammeCall> all = calls.findAll();
        page.addObject("calls", all);
        page.addObject("callId", callId);
        page.addObject("call", callId == null ? null : calls.findById(callId).orElse(null));
        page.addObject("events", callId == null ? List.of() : events.list(callId));
        page.addObject("laureateCount", callId == null ? 0 : events.laureates(callId).size());
        page.addObject("incubators", alliance.incubators());
        page.addObject("errorList", errors);
        page.addObject("errors", byField(errors));
        page.addObject("values", values);
        page.addObject("removed", false);
        return page;
    }

    private ModelAndView eventPage(CohortEvent event, Set<Long> attendees, List<FieldError> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("coordination/evenement", status);
        page.addObject("event", event);
        page.addObject("call", calls.findById(event.callId()).orElse(null));
        page.addObject("scopeLabel", scopeLabel(event.scope()));
        page.addObject("laureates", events.laureates(event.callId()));
        page.addObject("attendees", attendees);
        page.addObject("incubators", alliance.incubators());
        page.addObject("errorList", errors);
        page.addObject("errors", byField(errors));
        page.addObject("added", false);
        page.addObject("attendanceSaved", false);
        return page;
    }

    private String scopeLabel(String scope) {
        if (CohortEvent.NATIONAL.equals(scope)) {
            return "National";
        }
        return alliance.incubator(scope).map(i -> i.name()).orElse(scope);
    }

    private static List<FieldError> fieldErrors(Map<String, String> errors) {
        List<FieldError> list = new ArrayList<>();
        errors.forEach((field, message) -> list.add(new FieldError(field, message)));
        return list;
    }

    private static Map<String, List<String>> byField(List<FieldError> errors) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.message()));
        return byField;
    }

    private static ModelAndView unknownEvent() {
        return unknown("Session inconnue", "Cette session n'existe pas ou a été supprimée.");
    }

    private static ModelAndView unknown(String title, String text) {
        ModelAndView page = new ModelAndView("coordination/message", HttpStatus.NOT_FOUND);
        page.addObject("title", title);
        page.addObject("text", text);
        return page;
    }
}
