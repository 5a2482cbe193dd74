package fr.kiif.programmes.application;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.PropertyAccessException;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.web.VerbatimErrors;
import fr.kiif.programmes.call.ProgrammeCall;

/** The public application form of a call. */
@Controller
public class ApplicationPagesController {

    static final String FORM = "form";
    static final String PITCH_DECK = "pitchDeck";
    static final String FILE_NOT_KEPT =
            "Par sécurité, le fichier choisi n'a pas été conservé : sélectionnez-le à nouveau avant d'envoyer.";

    /** Order of the fields on the page, for the error summary. */
    static final List<String> FIELD_ORDER = List.of("organisationName", "legalForm", "siret", "departement",
            "contact.firstName", "contact.lastName", "contact.email", "contact.phone", "projectTitle", "summary",
            "socialNeed", "beneficiaries", "stage", "teamSize", "fundingToDate", "supportNeeds", "themeFit",
            PITCH_DECK, "consent");

    private final ApplicationSubmissionService submissions;
    private final PdfChecker pdfChecker;
    private final CallRepository calls;
    private final AllianceReferenceData alliance;

    public ApplicationPagesController(ApplicationSubmissionService submissions, PdfChecker pdfChecker,
            CallRepository calls, AllianceReferenceData alliance) {
        this.submissions = submissions;
        this.pdfChecker = pdfChecker;
        this.calls = calls;
        this.alliance = alliance;
    }

    /** French messages when a value cannot be converted (letters in a number, unknown choice). */
    @InitBinder(FORM)
    void initBinder(WebDataBinder binder) {
        binder.registerCustomEditor(Long.class, "fundingToDate", new LenientAmountEditor());
        binder.setBindingErrorProcessor(new DefaultBindingErrorProcessor() {
            @Override
            public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
                String field = ex.getPropertyName();
                result.addError(new FieldError(FORM, field, ex.getValue(), true,
                        result.resolveMessageCodes("typeMismatch", field), null, typeMismatch(field)));
            }
        });
    }

    static String typeMismatch(String field) {
        return switch (field) {
            case "teamSize" -> "Indiquez un nombre entier de personnes, en chiffres.";
            case "fundingToDate" -> "Indiquez un montant entier en euros, en chiffres (exemple : 15000).";
            case "legalForm" -> "Choisissez une forme juridique dans la liste.";
            case "stage" -> "Choisissez un stade d'avancement dans la liste.";
            default -> "Cette valeur n'est pas valide.";
        };
    }

    /** Accepts "15 000", "15000 €": spaces and the euro sign are ignored. */
    static class LenientAmountEditor extends PropertyEditorSupport {
        @Override
        public void setAsText(String text) {
            String digits = text == null ? "" : text.replaceAll("[\\s\\u00A0\\u202F€]", "");
            setValue(digits.isEmpty() ? null : Long.valueOf(digits));
        }

        @Override
        public String getAsText() {
            return getValue() == null ? "" : getValue().toString();
        }
    }

    @GetMapping("/appels/{callId}/candidater")
    public String form(@PathVariable String callId, Model model) {
        ProgrammeCall call = submissions.openCall(callId);
        model.addAttribute(FORM, new ApplicationPageForm());
        return render(call, UUID.randomUUID().toString(), model);
    }

    @PostMapping("/appels/{callId}/candidater")
    public String submit(@PathVariable String callId, @Valid @ModelAttribute(FORM) ApplicationPageForm form,
            BindingResult errors, @RequestParam(name = "idempotencyKey", required = false) String idempotencyKey,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ProgrammeCall call = submissions.openCall(callId);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey;
        Optional<UploadedPdf> pdf = Optional.empty();
        try {
            pdf = pdfChecker.check(PITCH_DECK, form.getPitchDeck());
        } catch (InvalidSubmissionException e) {
            addErrors(form, errors, e.fieldErrors());
        }
        if (!errors.hasErrors()) {
            try {
                SubmissionResult result = submissions.submit(callId, form, pdf, key);
                redirect.addFlashAttribute("reference", result.reference());
                redirect.addFlashAttribute("email", form.getContact().getEmail().trim());
                return "redirect:/appels/{callId}/candidature-envoyee";
            } catch (InvalidSubmissionException e) {
                addErrors(form, errors, e.fieldErrors());
            }
        }
        // The browser cannot be given the file back: say so next to the file field.
        if (pdf.isPresent() && !errors.hasFieldErrors(PITCH_DECK)) {
            errors.rejectValue(PITCH_DECK, "notKept", FILE_NOT_KEPT);
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("hasErrors", true);
        VerbatimErrors.expose(errors, model, FIELD_ORDER);
        return render(call, key, model);
    }

    @GetMapping("/appels/{callId}/candidature-envoyee")
    public String submitted(@PathVariable String callId, Model model) {
        model.addAttribute("call", calls.findById(callId).orElseThrow(() -> new UnknownCallException(callId)));
        return "application/submitted";
    }

    private String render(ProgrammeCall call, String idempotencyKey, Model model) {
        model.addAttribute("call", call);
        model.addAttribute("idempotencyKey", idempotencyKey);
        model.addAttribute("legalForms", Arrays.asList(LegalForm.values()));
        model.addAttribute("stages", Arrays.asList(Stage.values()));
        model.addAttribute("departements", alliance.departements());
        return "application/form";
    }

    /** Service errors go next to their field; keys that are no form property stay visible in the summary. */
    private static void addErrors(ApplicationForm form, BindingResult errors, Map<String, String> fieldErrors) {
        var accessor = PropertyAccessorFactory.forBeanPropertyAccess(form);
        fieldErrors.forEach((field, message) -> {
            if (PITCH_DECK.equals(field)) {
                errors.rejectValue(field, "invalid", message + " " + FILE_NOT_KEPT);
            } else if (accessor.isReadableProperty(field)) {
                errors.rejectValue(field, "invalid", message);
            } else {
                errors.reject("invalid", message);
            }
        });
    }
}
