package fr.kiif.programmes.selection;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The jury's reading page, linked from the deliberation form in Tasklist (the Tasklist login is recognised here). */
@Controller
public class JuryDossiersController {

    private final JuryDossiers dossiers;

    public JuryDossiersController(JuryDossiers dossiers) {
        this.dossiers = dossiers;
    }

    @GetMapping("/jury/appels/{callId}")
    public ModelAndView dossiers(@PathVariable String callId) {
        return new ModelAndView("jury/dossiers").addObject("j", dossiers.of(callId));
    }

    @ExceptionHandler(JuryDossierException.class)
    ModelAndView refused(JuryDossierException e) {
        ModelAndView page = new ModelAndView("error/" + e.status().value(), e.status());
        page.addObject("detail", e.getMessage());
        return page;
    }
}
