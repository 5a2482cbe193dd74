package fr.kiif.programmes.coordination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.application.ApplicationApiErrors.FieldError;

/** "Programmes" of the coordination area: the list with their indicator set, and a new programme. */
@Controller
public class ProgrammePagesController {

    private final ProgrammeService programmes;
    private final CoordinatorAccess access;

    public ProgrammePagesController(ProgrammeService programmes, CoordinatorAccess access) {
        this.programmes = programmes;
        this.access = access;
    }

    @GetMapping("/coordination/programmes")
    public ModelAndView list(@RequestParam(name = "cree", required = false) String created) {
        if (access.currentCoordinator().isEmpty()) {
            return CoordinationCallPagesController.forbidden();
        }
        ModelAndView page = page(new ProgrammeConfiguration("", "", "", programmes.defaultSet()), List.of(), HttpStatus.OK);
        page.addObject("created", created);
        return page;
    }

    @PostMapping("/coordination/programmes")
    public ModelAndView create(@RequestParam(name = "id", defaultValue = "") String id,
                               @RequestParam(name = "title", defaultValue = "") String title,
                               @RequestParam(name = "description", defaultValue = "") String description,
                               @RequestParam(name = "indicatorSet", defaultValue = "") String indicatorSet) {
        if (access.currentCoordinator().isEmpty()) {
            return CoordinationCallPagesController.forbidden();
        }
        ProgrammeConfiguration form = new ProgrammeConfiguration(id, title, description, indicatorSet);
        try {
            ProgrammeView created = programmes.create(form);
            return new ModelAndView("redirect:/coordination/programmes?cree=" + created.id());
        } catch (InvalidProgrammeException e) {
            return page(form, e.errors(), HttpStatus.BAD_REQUEST);
        } catch (CallConflictException e) {
            return page(form, List.of(new FieldError("id", e.getMessage())), HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView page(ProgrammeConfiguration form, List<FieldError> errors, HttpStatus status) {
        ModelAndView page = new ModelAndView("coordination/programmes", status);
        page.addObject("programmes", programmes.all());
        page.addObject("indicatorSets", programmes.indicatorSets());
        page.addObject("form", form);
        page.addObject("errorList", errors);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.message()));
        page.addObject("errors", byField);
        page.addObject("created", null);
        return page;
    }
}
