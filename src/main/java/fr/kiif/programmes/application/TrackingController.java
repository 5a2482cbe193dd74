package fr.kiif.programmes.application;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.cohort.LaureateSupportRepository;
import fr.kiif.programmes.web.VerbatimErrors;
import fr.kiif.programmes.call.ProgrammeCall;

/** The applicant's private tracking page and completion answer, reached by an emailed link. */
@Controller
public class TrackingController {

    static final String FORM = "form";
    static final String DOCUMENT = "document";

    private final AccessTokens tokens;
    private final ApplicationRepository applications;
    private final CallRepository calls;
    private final EligibilityCheckService eligibility;
    private final PdfChecker pdfChecker;
    private final LaureateSupportRepository supports;

    public TrackingController(AccessTokens tokens, ApplicationRepository applications, CallRepository calls,
            EligibilityCheckService eligibility, PdfChecker pdfChecker, LaureateSupportRepository supports) {
        this.tokens = tokens;
        this.applications = applications;
        this.calls = calls;
        this.eligibility = eligibility;
        this.pdfChecker = pdfChecker;
        this.supports = supports;
    }


    @GetMapping("/suivi/{token}")
    public String tracking(@PathVariable String token, Model model) {
        Application application = application(token);
        model.addAttribute("candidature", application);
        model.addAttribute("callTitle", calls.findById(application.callId()).map(ProgrammeCall::title).orElse(""));
        model.addAttribute("events", applications.events(application.id()));
        model.addAttribute("documents", applications.documentNames(application.id()));
        model.addAttribute("completionRequested", eligibility.openCompletionRequest(application.id()).isPresent());
        model.addAttribute("support", supports.page(application.id()).orElse(null));
        model.addAttribute("token", token);
        return "tracking/status";
    }

    @GetMapping("/suivi/{token}/complement")
    public String completionForm(@PathVariable String token, Model model) {
        Application application = application(token);
        model.addAttribute(FORM, new CompletionAnswerForm());
        return renderCompletion(application, token, model);
    }

    @PostMapping("/suivi/{token}/complement")
    public String answer(@PathVariable String token, @Valid @ModelAttribute(FORM) CompletionAnswerForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Application application = application(token);
        Optional<UploadedPdf> pdf = Optional.empty();
        try {
            pdf = pdfChecker.check(DOCUMENT, form.getDocument());
        } catch (InvalidSubmissionException e) {
            e.fieldErrors().forEach((field, message) -> errors.rejectValue(DOCUMENT, "invalid",
                    message + " " + ApplicationPagesController.FILE_NOT_KEPT));
        }
        if (errors.hasErrors()) {
            if (pdf.isPresent()) {
                errors.rejectValue(DOCUMENT, "notKept", ApplicationPagesController.FILE_NOT_KEPT);
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("hasErrors", true);
        VerbatimErrors.expose(errors, model, List.of("answer", DOCUMENT));
            return renderCompletion(application, token, model);
        }
        if (!eligibility.answerCompletion(application.id(), form.getAnswer(), pdf)) {
            throw new CompletionClosedException(application.id());
        }
        redirect.addFlashAttribute("confirmation",
                "Merci, votre complément a bien été reçu. L'incubateur de votre territoire reprend l'examen de votre candidature.");
        return "redirect:/suivi/{token}";
    }

    private String renderCompletion(Application application, String token, Model model) {
        String request = eligibility.openCompletionRequest(application.id())
                .orElseThrow(() -> new CompletionClosedException(application.id()));
        model.addAttribute("candidature", application);
        model.addAttribute("requestMessage", request);
        model.addAttribute("token", token);
        return "tracking/completion";
    }

    private Application application(String token) {
        return tokens.resolve(token).flatMap(applications::findById).orElseThrow(InvalidLinkException::new);
    }
}
