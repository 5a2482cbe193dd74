package fr.kiif.programmes.coordination;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import fr.kiif.programmes.application.ApplicationApiErrors.FieldError;
import fr.kiif.programmes.application.Siret;
import fr.kiif.programmes.selection.ConflictRegistry;

/**
 * "Conflits d'intérêts": the registry kept by coordinators. A declared person is never assigned to
 * review the organisation. Declared by = the current coordinator.
 */
@Controller
public class ConflictRegistryController {

    static final int MAX_REASON = 2000;

    private final ConflictRegistry registry;
    private final CamundaUsers users;
    private final CoordinatorAccess access;

    public ConflictRegistryController(ConflictRegistry registry, CamundaUsers users, CoordinatorAccess access) {
        this.registry = registry;
        this.users = users;
        this.access = access;
    }

    @GetMapping("/coordination/conflits")
    public ModelAndView list(@RequestParam(name = "ajoute", required = false) String added,
                             @RequestParam(name = "supprime", required = false) String removed) {
        if (access.currentCoordinator().isEmpty()) {
            return CoordinationCallPagesController.forbidden();
        }
        ModelAndView page = page(List.of(), "", "", "", "", HttpStatus.OK);
        page.addObject("added", added != null);
        page.addObject("removed", removed != null);
        return page;
    }

    @PostMapping("/coordination/conflits")
    public ModelAndView add(@RequestParam(name = "userId", defaultValue = "") String userId,
                            @RequestParam(name = "organisationName", defaultValue = "") String organisationName,
                            @RequestParam(name = "siret", defaultValue = "") String siret,
                            @RequestParam(name = "reason", defaultValue = "") String reason) {
        String coordinator = access.currentCoordinator().orElse(null);
        if (coordinator == null) {
            return CoordinationCallPagesController.forbidden();
        }
        List<FieldError> errors = new ArrayList<>();
        String user = userId.strip();
        if (user.isEmpty()) {
            errors.add(new FieldError("userId", "Choisissez la personne concernée."));
        } else if (users.staff().stream().noneMatch(member -> member.id().equals(user))) {
            errors.add(new FieldError("userId", "Cette personne ne fait partie de l'équipe d'aucun incubateur."));
        }
        String organisation = organisationName.strip();
        if (organisation.isEmpty()) {
            errors.add(new FieldError("organisationName", "Indiquez le nom de la structure."));
        } else if (organisation.length() > 200) {
            errors.add(new FieldError("organisationName", "Le nom de la structure ne doit pas dépasser 200 caractères."));
        }
        String siretDigits = siret.replaceAll("\\s", "");
        if (!siretDigits.isEmpty() && !Siret.Validator.isValidSiret(siretDigits)) {
            errors.add(new FieldError("siret", "Le numéro SIRET doit comporter 14 chiffres et être valide."));
        }
        String why = reason.strip();
        if (why.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "Le motif ne doit pas dépasser " + MAX_REASON + " caractères."));
        }
        if (!errors.isEmpty()) {
            return page(errors, user, organisationName, siret, reason, HttpStatus.BAD_REQUEST);
        }
        registry.add(user, organisation, siretDigits.isEmpty() ? null : siretDigits, why.isEmpty() ? null : why, coordinator);
        return new ModelAndView("redirect:/coordination/conflits?ajoute");
    }

    @PostMapping("/coordination/conflits/{id}/supprimer")
    public ModelAndView remove(@PathVariable long id) {
        if (access.currentCoordinator().isEmpty()) {
            return CoordinationCallPagesController.forbidden();
        }
        registry.remove(id);
        return new ModelAndView("redirect:/coordination/conflits?supprime");
    }

    private ModelAndView page(List<FieldError> errors, String userId, String organisationName, String siret,
                              String reason, HttpStatus status) {
        ModelAndView page = new ModelAndView("coordination/conflits", status);
        page.addObject("conflicts", registry.list());
        page.addObject("staff", users.staff());
        page.addObject("errorList", errors);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.computeIfAbsent(e.field(), k -> new ArrayList<>()).add(e.message()));
        page.addObject("errors", byField);
        page.addObject("userId", userId);
        page.addObject("organisationName", organisationName);
        page.addObject("siret", siret);
        page.addObject("reason", reason);
        page.addObject("added", false);
        page.addObject("removed", false);
        return page;
    }
}
