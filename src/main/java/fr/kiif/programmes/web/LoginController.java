package fr.kiif.programmes.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

import fr.kiif.programmes.alliance.AllianceReferenceData;
import fr.kiif.programmes.alliance.Groups;
import fr.kiif.programmes.alliance.Incubator;
import fr.kiif.programmes.security.CamundaWebappSession;
import fr.kiif.programmes.security.ReturnPath;
import fr.kiif.programmes.security.StaffLoginFilter;

/**
 * "Connexion": the staff's French login page. It logs into the Camunda webapps' session, so the
 * same login opens Tasklist, Cockpit and our staff pages; "Se déconnecter" ends all of them.
 * Only the coordination and incubator staff log in here; jurors work in Tasklist.
 */
@Controller
public class LoginController {

    static final String DEFAULT_TARGET = "/pilotage";

    private final ProcessEngine engine;
    private final IdentityService identityService;
    private final AllianceReferenceData alliance;

    public LoginController(ProcessEngine engine, AllianceReferenceData alliance) {
        this.engine = engine;
        this.identityService = engine.getIdentityService();
        this.alliance = alliance;
    }

    @GetMapping("/connexion")
    public String form(@RequestParam(name = "retour", required = false) String retour,
                       @RequestParam(name = "deconnecte", required = false) String loggedOut,
                       HttpServletRequest request, Model model) {
        model.addAttribute("retour", ReturnPath.local(retour).orElse(null));
        model.addAttribute("username", "");
        model.addAttribute("loggedOut", loggedOut != null);
        model.addAttribute("currentUser", CamundaWebappSession.userId(request, engine.getName()).orElse(null));
        return "connexion";
    }

    @PostMapping("/connexion")
    public Object logIn(@RequestParam(name = "username", defaultValue = "") String username,
                        @RequestParam(name = "password", defaultValue = "") String password,
                        @RequestParam(name = "retour", required = false) String retour,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
        // A login form posted from another site would log the browser in as someone else.
        if (!StaffLoginFilter.fromThisSite(request, false)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return refused(model, retour, username, "Cette demande de connexion vient d'un autre site : elle est refusée.");
        }
        String userId = username.strip();
        if (userId.isEmpty() || password.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return refused(model, retour, userId, "Saisissez votre identifiant et votre mot de passe.");
        }
        // Camunda counts the failures and delays (then locks) the account itself.
        identityService.clearAuthentication();
        if (!identityService.checkPassword(userId, password)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            return refused(model, retour, userId, "Identifiant ou mot de passe incorrect. Après plusieurs erreurs, "
                    + "la connexion de ce compte est suspendue quelques instants : patientez avant de réessayer.");
        }
        // Jurors work in Tasklist; they log in here only on their way back to their dossiers page.
        boolean toJuryPage = ReturnPath.local(retour).filter(path -> path.startsWith("/jury/")).isPresent();
        if (!isStaff(userId) && !(toJuryPage && isJuror(userId))) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return refused(model, retour, userId, "Ces pages sont réservées à la coordination et aux équipes des incubateurs. "
                    + "Les membres du jury travaillent dans Tasklist : connectez-vous sur Tasklist.");
        }
        CamundaWebappSession.logIn(request, engine, userId);
        RedirectView target = new RedirectView(ReturnPath.local(retour).orElse(DEFAULT_TARGET), true);
        target.setExpandUriTemplateVariables(false);
        return target;
    }

    @PostMapping("/deconnexion")
    public String logOut(HttpServletRequest request, HttpServletResponse response, Model model) {
        if (!StaffLoginFilter.fromThisSite(request, false)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return refused(model, null, "", "Cette demande de déconnexion vient d'un autre site : elle est refusée.");
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            // The session holds the Camunda webapps' login too: Tasklist and Cockpit are logged out as well.
            session.invalidate();
        }
        return "redirect:/connexion?deconnecte";
    }

    @GetMapping("/deconnexion")
    public String logOutPage() {
        return "redirect:/connexion";
    }

    private boolean isStaff(String userId) {
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        return groups.contains(Groups.COORDINATION) || groups.contains(Groups.ADMIN)
                || alliance.incubators().stream().map(Incubator::candidateGroup).anyMatch(groups::contains);
    }

    private boolean isJuror(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .anyMatch(group -> group.getId().startsWith(Groups.JURY_PREFIX));
    }

    private static String refused(Model model, String retour, String username, String error) {
        model.addAttribute("retour", ReturnPath.local(retour).orElse(null));
        model.addAttribute("username", username);
        model.addAttribute("error", error);
        model.addAttribute("loggedOut", false);
        model.addAttribute("currentUser", null);
        return "connexion";
    }
}
