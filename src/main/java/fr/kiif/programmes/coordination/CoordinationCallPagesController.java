package fr.kiif.programmes.coordination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.application.ApplicationApiErrors.FieldError;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.selection.CriterionDefinition;
import fr.kiif.programmes.selection.CriteriaCatalogue;

/**
 * "Appels" of the coordination area: list with status, new call, changes until opening, publication
 * with confirmation. Behind the engine authentication filter (HTTP Basic); coordinators only.
 */
@Controller
public class CoordinationCallPagesController {

    static final String FORBIDDEN_VIEW = "coordination/courriels-refuse";

    private final CallConfigurationService service;
    private final CoordinationCallViews views;
    private final CallRepository calls;
    private final CoordinatorAccess access;
    private final AllianceReferenceData alliance;
    private final CriteriaCatalogue criteria;
    private final ProgrammeService programmes;

    public CoordinationCallPagesController(CallConfigurationService service, CoordinationCallViews views,
            CallRepository calls, CoordinatorAccess access, AllianceReferenceData alliance, CriteriaCatalogue criteria,
            ProgrammeService programmes) {
        this.service = service;
        this.views = views;
        this.calls = calls;
        this.access = access;
        this.alliance = alliance;
        this.criteria = criteria;
        this.programmes = programmes;
    }

    @GetMapping("/coordination/appels")
    public ModelAndView list(@RequestParam(name = "cree", required = false) String created,
                             @RequestParam(name = "modifie", required = false) String updated,
                             @RequestParam(name = "publie", required = false) String published) {
        if (access.currentCoordinator().isEmpty()) {
            return forbidden();
        }
        ModelAndView page = new ModelAndView("coordination/appels");
        page.addObject("calls", service.all().stream().map(views::view).toList());
        page.addObject("created", created);
        page.addObject("updated", updated);
        page.addObject("published", published);
        return page;
    }

    @GetMapping("/coordination/appels/nouveau")
    public ModelAndView newCall() {
        if (access.currentCoordinator().isEmpty()) {
            return forbidden();
        }
        CallPageForm form = new CallPageForm();
        criteria.all().forEach(c -> form.getCriteriaWeights().put(c.code(), "1"));
        form.setAcceptedLegalForms(Arrays.stream(LegalForm.values()).map(Enum::name).collect(Collectors.toList()));
        form.setAcceptedStages(Arrays.stream(Stage.values()).map(Enum::name).collect(Collectors.toList()));
        return formPage(form, null, List.of(), HttpStatus.OK);
    }

    @PostMapping("/coordination/appels")
    public ModelAndView create(@ModelAttribute CallPageForm form,
                               @RequestParam(name = "publier", defaultValue = "false") boolean publish) {
        if (access.currentCoordinator().isEmpty()) {
            return forbidden();
        }
        List<FieldError> errors = new ArrayList<>();
        CallConfiguration configuration = form.toConfiguration(errors, publish);
        try {
            if (errors.isEmpty()) {
                String id = service.create(configuration);
                return new ModelAndView("redirect:/coordination/appels?cree=" + id);
            }
            validateForMessages(configuration, null, errors);
        } catch (InvalidCallConfigurationException e) {
            errors.addAll(e.errors());
        } catch (CallConflictException e) {
            errors.add(new FieldError("id", e.getMessage()));
        }
        return formPage(form, null, errors, HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/coordination/appels/{callId}/modifier")
    public ModelAndView edit(@PathVariable String callId) {
        if (access.currentCoordinator().isEmpty()) {
            return forbidden();
        }
        ProgrammeCall call = calls.findById(callId).orElse(null);
        if (call == null) {
            return notFound();
        }
        if (!service.isEditable(call)) {
            return message("Appel déjà ouvert", "Cet appel est déjà ouvert : sa configuration ne peut plus être modifiée.",
                    HttpStatus.CONFLICT);
        }
        return formPage(CallPageForm.of(views.configuration(call)), call.id(), List.of(), HttpStatus.OK);
    }

    @PostMapping("/coordination/appels/{callId}")
    public ModelAndView update(@PathVariable String callId, @ModelAttribute CallPageForm form) {
        if (access.currentCoordinator().isEmpty()) {
            return forbidden();
        }
        if (calls.findById(callId).isEmpty()) {
            return notFound();
        }
        form.setId(callId);
        List<FieldError> errors = new ArrayList<>();
        CallConfiguration configuration = form.toConfiguration(errors, false);
        try {
            if (errors.isEmpty()) {
                service.update(callId, configuration);
                return new ModelAndView("redirect:/coordination/appels?modifie=" + callId);
            }
            validateForMessages(configuration, callId, errors);
        } catch (InvalidCallConfigurationException e) {
            errors.addAll(e.errors());
        } catch (CallConflictException e) {
            return message(e.title(), e.getMessage(), HttpStatus.CONFLICT);
        }
        return formPage(form, callId, errors, HttpStatus.BAD_REQUEST);
    }

    @GetMapping("/coordination/appels/{callId}/publier")
    public ModelAndView confirmPublication(@PathVariable String callId) {
        if (access.currentCoordinator().isEmpty()) {
            return forbidden();
        }
        ProgrammeCall call = calls.findById(callId).orElse(null);
        if (call == null) {
            return notFound();
        }
        ModelAndView page = new ModelAndView("coordination/appel-publier");
        page.addObject("call", views.view(call));
        return page;
    }

    @PostMapping("/coordination/appels/{callId}/publier")
    public ModelAndView publish(@PathVariable String callId) {
        if (access.currentCoordinator().isEmpty()) {
            return forbidden();
        }
        if (calls.findById(callId).isEmpty()) {
            return notFound();
        }
        try {
            service.publish(callId);
        } catch (CallConflictException e) {
            return message(e.title(), e.getMessage(), HttpStatus.CONFLICT);
        }
        return new ModelAndView("redirect:/coordination/appels?publie=" + callId);
    }

    /** Adds the API validation's messages to the form's own (fields with a form error keep only that one). */
    private void validateForMessages(CallConfiguration configuration, String callId, List<FieldError> errors) {
        try {
            service.validate(configuration, callId);
        } catch (InvalidCallConfigurationException e) {
            Set<String> fields = errors.stream().map(FieldError::field).collect(Collectors.toSet());
            e.errors().stream().filter(error -> !fields.contains(error.field())).forEach(errors::add);
        }
    }

    private ModelAndView formPage(CallPageForm form, String callId, List<FieldError> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("coordination/appel-formulaire", status);
        page.addObject("form", form);
        page.addObject("callId", callId);
        page.addObject("programmes", programmes.all());
        page.addObject("incubators", alliance.incubators());
        page.addObject("criteria", criteria.all());
        page.addObject("legalForms", LegalForm.values());
        page.addObject("stages", Stage.values());
        page.addObject("errorList", errors);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.message()));
        page.addObject("errors", byField);
        page.addObject("criterionCodes", criteria.all().stream().map(CriterionDefinition::code).toList());
        return page;
    }

    static ModelAndView forbidden() {
        return new ModelAndView(FORBIDDEN_VIEW, HttpStatus.FORBIDDEN);
    }

    private static ModelAndView notFound() {
        return message("Appel inconnu", "Cet appel n'existe pas.", HttpStatus.NOT_FOUND);
    }

    private static ModelAndView message(String title, String text, HttpStatus status) {
        ModelAndView page = new ModelAndView("coordination/message", status);
        page.addObject("title", title);
        page.addObject("text", text);
        return page;
    }
}
