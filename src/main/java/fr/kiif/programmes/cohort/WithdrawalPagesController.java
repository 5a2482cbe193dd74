package fr.kiif.programmes.cohort;

import java.util.List;

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

import fr.kiif.programmes.application.AccessTokens;
import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.InvalidLinkException;
import fr.kiif.programmes.web.VerbatimErrors;

/**
 * "Me retirer du programme", reached from the laureate's private page: a reason and a confirmation
 * box, then the withdrawal is sent to the laureate's cohort-support process.
 */
@Controller
public class WithdrawalPagesController {

    static final String FORM = "form";
    static final String NOT_RUNNING = "Votre accompagnement n'est pas en cours : il n'est pas possible de vous retirer du programme.";
    static final String DONE = "Votre retrait du programme a bien été enregistré. L'incubateur qui vous accompagne et la "
            + "coordination du Kiif en sont informés.";

    private final AccessTokens tokens;
    private final ApplicationRepository applications;
    private final LaureateSupportRepository supports;
    private final WithdrawalService withdrawals;

    public WithdrawalPagesController(AccessTokens tokens, ApplicationRepository applications,
            LaureateSupportRepository supports, WithdrawalService withdrawals) {
        this.tokens = tokens;
        this.applications = applications;
        this.supports = supports;
        this.withdrawals = withdrawals;
    }


    @GetMapping("/suivi/{token}/retrait")
    public String form(@PathVariable String token, Model model) {
        Application application = laureateInSupport(token);
        model.addAttribute(FORM, new WithdrawalForm());
        return render(application, token, model);
    }

    @PostMapping("/suivi/{token}/retrait")
    public String withdraw(@PathVariable String token, @Valid @ModelAttribute(FORM) WithdrawalForm form,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Application application = laureateInSupport(token);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("hasErrors", true);
            VerbatimErrors.expose(errors, model, List.of("reason", "confirm"));
            return render(application, token, model);
        }
        try {
            withdrawals.withdraw(application.reference(), form.getReason().strip(), "LAUREATE");
        } catch (IllegalStateException e) {
            throw new NotInSupportException(e.getMessage());
        }
        redirect.addFlashAttribute("confirmation", DONE);
        return "redirect:/suivi/{token}";
    }

    private String render(Application application, String token, Model model) {
        model.addAttribute("candidature", application);
        model.addAttribute("token", token);
        return "tracking/withdrawal";
    }

    private Application laureateInSupport(String token) {
        Application application = tokens.resolve(token).flatMap(applications::findById)
                .orElseThrow(InvalidLinkException::new);
        boolean running = supports.status(application.id()).map(LaureateSupportRepository.RUNNING::contains).orElse(false);
        if (!running) {
            throw new NotInSupportException(NOT_RUNNING);
        }
        return application;
    }
}
