package fr.kiif.programmes.impact.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.cohort.CohortRepository;
import fr.kiif.programmes.cohort.IncubatorStaffAccess;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.impact.Indicator;

/**
 * A laureate's answers for one phase, for incubator staff (HTTP Basic on /incubateur/*): read-only with the
 * entry values beside them, and the entry form the coach fills once the questionnaire expired (the Tasklist
 * forms link here). Sensitive answers only for the laureate's coach and the coordination.
 */
@Controller
public class StaffEvaluationController {

    private final IncubatorStaffAccess access;
    private final ApplicationRepository applications;
    private final CohortRepository cohort;
    private final ImpactEvaluationService evaluations;

    public StaffEvaluationController(IncubatorStaffAccess access, ApplicationRepository applications, CohortRepository cohort,
            ImpactEvaluationService evaluations) {
        this.access = access;
        this.applications = applications;
        this.cohort = cohort;
        this.evaluations = evaluations;
    }

    @GetMapping("/incubateur/impact/{reference}/{phase}")
    public String show(@PathVariable String reference, @PathVariable String phase, Model model) {
        return render(context(reference, phase), Map.of(), Map.of(), model);
    }

    @PostMapping("/incubateur/impact/{reference}/{phase}")
    public String enter(@PathVariable String reference, @PathVariable String phase, @RequestParam Map<String, String> form,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Context context = context(reference, phase);
        if (!context.seesSensitive) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (!context.mayEnter()) {
            throw new QuestionnaireClosedException("Les réponses ne se saisissent ici qu'une fois le questionnaire expiré, "
                    + "pendant la tâche « Recueillir les réponses » : rien n'a été modifié.");
        }
        Map<String, String> errors = evaluations.saveByCoach(context.evaluation, evaluations.indicators(context.evaluation), form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(context, form, errors, model);
        }
        redirect.addFlashAttribute("confirmation", "Réponses enregistrées. Terminez ensuite la tâche « Recueillir les réponses » "
                + "dans la liste des tâches.");
        return "redirect:/incubateur/impact/{reference}/{phase}";
    }

    @ExceptionHandler(QuestionnaireClosedException.class)
    public ModelAndView closed(QuestionnaireClosedException e) {
        ModelAndView page = new ModelAndView("error/409");
        page.setStatus(HttpStatus.CONFLICT);
        page.addObject("detail", e.getMessage());
        return page;
    }

    private String render(Context context, Map<String, String> typed, Map<String, String> errors, Model model) {
        Map<String, StoredValue> saved = evaluations.values(context.evaluation);
        Map<String, StoredValue> baseline = evaluations.baselineValues(context.evaluation);
        List<Row> rows = new ArrayList<>();
        for (Indicator indicator : evaluations.indicators(context.evaluation)) {
            boolean hidden = indicator.sensitive() && !context.seesSensitive;
            StoredValue value = saved.get(indicator.id());
            String formValue = typed.containsKey(indicator.id()) ? typed.get(indicator.id()) : AnswerRules.formValue(indicator, value);
            rows.add(new Row(new QuestionField(indicator, hidden ? "" : formValue, errors.get(indicator.id()),
                    hidden || !baseline.containsKey(indicator.id()) ? null : AnswerRules.display(indicator, baseline.get(indicator.id())),
                    false), hidden ? "Réservé à la personne qui accompagne et à la coordination" : AnswerRules.display(indicator, value),
                    value != null && value.implausible(), value == null ? null : value.implausibleNote()));
        }
        model.addAttribute("candidature", context.application);
        model.addAttribute("evaluation", context.evaluation);
        model.addAttribute("statusLabel", StaffStatusLabels.label(context.evaluation.status()));
        model.addAttribute("phasePath", QuestionnairePaths.phase(context.evaluation.phase()));
        model.addAttribute("rows", rows);
        model.addAttribute("editable", context.mayEnter());
        model.addAttribute("hasErrors", !errors.isEmpty());
        return "impact/staff-answers";
    }

    /** One indicator on the staff page. */
    public record Row(QuestionField field, String display, boolean implausible, String implausibleNote) {
    }

    private record Context(Application application, Evaluation evaluation, boolean seesSensitive) {
        boolean mayEnter() {
            return evaluation.status() == EvaluationStatus.COLLECTING && seesSensitive;
        }
    }

    private Context context(String reference, String phasePath) {
        IncubatorStaffAccess.Staff staff = access.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        Application application = applications.findByReference(reference)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (application.incubatorSlug() == null || !staff.covers(application.incubatorSlug())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        ImpactPhase phase = QuestionnairePaths.phase(phasePath).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Evaluation evaluation = evaluations.find(application.id(), phase)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String coach = cohort.find(application.id()).map(CohortRepository.SupportRecord::coachId).orElse(null);
        return new Context(application, evaluation, staff.coordinator() || staff.userId().equals(coach));
    }
}
