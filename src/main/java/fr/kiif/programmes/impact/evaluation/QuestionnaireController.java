package fr.kiif.programmes.impact.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.kiif.programmes.application.AccessTokens;
import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.InvalidLinkException;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.impact.Indicator;
import fr.kiif.programmes.impact.IndicatorLevel;

/**
 * The laureate's impact questionnaire by private link: one page per level, each page saved when leaving it
 * ("Enregistrer et continuer"), the last one sends the answers (message ImpactQuestionnaireSubmitted).
 */
@Controller
public class QuestionnaireController {

    static final String SENT = "Merci, vos réponses au questionnaire d'impact ont bien été envoyées à la personne qui vous accompagne.";
    static final String MISSING = "Des réponses obligatoires manquent : complétez les questions signalées avant d'envoyer.";

    private final AccessTokens tokens;
    private final ApplicationRepository applications;
    private final ImpactEvaluationService evaluations;

    public QuestionnaireController(AccessTokens tokens, ApplicationRepository applications, ImpactEvaluationService evaluations) {
        this.tokens = tokens;
        this.applications = applications;
        this.evaluations = evaluations;
    }


    @GetMapping("/suivi/{token}/impact/{phase}")
    public String start(@PathVariable String token, @PathVariable String phase) {
        return "redirect:/suivi/{token}/impact/{phase}/1";
    }

    @GetMapping("/suivi/{token}/impact/{phase}/{page}")
    public String page(@PathVariable String token, @PathVariable String phase, @PathVariable int page, Model model,
            HttpServletResponse response) {
        Context context = context(token, phase);
        if (!EvaluationStatus.OPEN_TO_LAUREATE.contains(context.evaluation.status())) {
            return closed(context, token, model, response, HttpStatus.OK);
        }
        return render(context, token, page, Map.of(), Map.of(), model);
    }

    @PostMapping("/suivi/{token}/impact/{phase}/{page}")
    public String save(@PathVariable String token, @PathVariable String phase, @PathVariable int page,
            @RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Context context = context(token, phase);
        if (!EvaluationStatus.OPEN_TO_LAUREATE.contains(context.evaluation.status())) {
            return closed(context, token, model, response, HttpStatus.CONFLICT);
        }
        List<IndicatorLevel> levels = evaluations.levels(context.evaluation);
        IndicatorLevel level = level(levels, page);
        List<Indicator> indicators = evaluations.indicators(context.evaluation, level);
        Map<String, String> errors = evaluations.saveByLaureate(context.evaluation, indicators, form);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return render(context, token, page, form, errors, model);
        }
        String action = form.getOrDefault("action", "suivant");
        if ("precedent".equals(action)) {
            return "redirect:/suivi/{token}/impact/{phase}/" + Math.max(1, page - 1);
        }
        if (!"envoyer".equals(action) || page < levels.size()) {
            return "redirect:/suivi/{token}/impact/{phase}/" + Math.min(levels.size(), page + 1);
        }
        Map<String, String> missing = evaluations.submitByLaureate(context.evaluation, context.application.reference());
        if (missing.isEmpty()) {
            redirect.addFlashAttribute("confirmation", SENT);
            return "redirect:/suivi/{token}";
        }
        // Show the first page with a missing answer, its questions flagged.
        int target = 1;
        for (int i = 0; i < levels.size(); i++) {
            if (evaluations.indicators(context.evaluation, levels.get(i)).stream().anyMatch(ind -> missing.containsKey(ind.id()))) {
                target = i + 1;
                break;
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("globalError", MISSING);
        return render(context(token, phase), token, target, Map.of(), missing, model);
    }

    @ExceptionHandler(InvalidLinkException.class)
    public ModelAndView invalidLink() {
        return error("error/404", HttpStatus.NOT_FOUND, "Ce lien n'est pas valide ou a expiré.");
    }

    @ExceptionHandler(QuestionnaireClosedException.class)
    public ModelAndView closed(QuestionnaireClosedException e) {
        return error("error/409", HttpStatus.CONFLICT, e.getMessage());
    }

    private String render(Context context, String token, int page, Map<String, String> typed, Map<String, String> errors,
            Model model) {
        List<IndicatorLevel> levels = evaluations.levels(context.evaluation);
        IndicatorLevel level = level(levels, page);
        Map<String, StoredValue> saved = evaluations.values(context.evaluation);
        Map<String, StoredValue> baseline = evaluations.baselineValues(context.evaluation);
        List<Indicator> indicators = evaluations.indicators(context.evaluation, level);
        // Prefill a page until it is first saved (not only until the first page is: pages 2 and 3 hold the prefilled questions).
        boolean pageNeverSaved = indicators.stream().noneMatch(indicator -> saved.containsKey(indicator.id()));
        List<QuestionField> fields = new ArrayList<>();
        for (Indicator indicator : indicators) {
            String value;
            boolean prefilled = false;
            if (typed.containsKey(indicator.id())) {
                value = typed.get(indicator.id());
            } else if (saved.containsKey(indicator.id())) {
                value = AnswerRules.formValue(indicator, saved.get(indicator.id()));
            } else if (pageNeverSaved && context.evaluation.phase() == ImpactPhase.BASELINE) {
                value = evaluations.prefill(context.application, indicator).orElse("");
                prefilled = !value.isEmpty();
            } else {
                value = "";
            }
            String before = baseline.containsKey(indicator.id()) ? AnswerRules.display(indicator, baseline.get(indicator.id())) : null;
            fields.add(new QuestionField(indicator, value, errors.get(indicator.id()), before, prefilled));
        }
        Map<String, String> pageTitles = new LinkedHashMap<>();
        levels.forEach(l -> pageTitles.put(Integer.toString(pageTitles.size() + 1), l.label()));
        model.addAttribute("candidature", context.application);
        model.addAttribute("token", token);
        model.addAttribute("phase", context.evaluation.phase());
        model.addAttribute("phasePath", QuestionnairePaths.phase(context.evaluation.phase()));
        model.addAttribute("level", level);
        model.addAttribute("page", page);
        model.addAttribute("pageCount", levels.size());
        model.addAttribute("pageTitles", pageTitles);
        model.addAttribute("fields", fields);
        model.addAttribute("hasErrors", !errors.isEmpty());
        return "impact/questionnaire";
    }

    private String closed(Context context, String token, Model model, HttpServletResponse response, HttpStatus status) {
        response.setStatus(status.value());
        model.addAttribute("candidature", context.application);
        model.addAttribute("token", token);
        model.addAttribute("phase", context.evaluation.phase());
        model.addAttribute("message", switch (context.evaluation.status()) {
            case COLLECTING -> ImpactEvaluationService.EXPIRED;
            case CANCELLED -> ImpactEvaluationService.CANCELLED;
            default -> ImpactEvaluationService.ALREADY_SENT;
        });
        return "impact/questionnaire-closed";
    }

    private static IndicatorLevel level(List<IndicatorLevel> levels, int page) {
        if (page < 1 || page > levels.size()) {
            throw new InvalidLinkException();
        }
        return levels.get(page - 1);
    }

    private record Context(Application application, Evaluation evaluation) {
    }

    private Context context(String token, String phasePath) {
        Application application = tokens.resolve(token).flatMap(applications::findById).orElseThrow(InvalidLinkException::new);
        ImpactPhase phase = QuestionnairePaths.phase(phasePath).orElseThrow(InvalidLinkException::new);
        Evaluation evaluation = evaluations.find(application.id(), phase).orElseThrow(InvalidLinkException::new);
        return new Context(application, evaluation);
    }

    private static ModelAndView error(String view, HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        page.addObject("detail", detail);
        return page;
    }
}
