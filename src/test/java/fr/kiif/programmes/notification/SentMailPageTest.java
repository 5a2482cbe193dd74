package fr.kiif.programmes.notification;

import static fr.kiif.programmes.notification.MailTestSupport.unique;
import static fr.kiif.programmes.notification.MailTestSupport.uniqueRecipient;
import static org.assertj.core.api.Assertions.assertThat;

import fr.kiif.programmes.coordination.CoordinatorAccess;
import fr.kiif.programmes.alliance.Groups;
import fr.kiif.programmes.support.SpringTestBase;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

class SentMailPageTest extends SpringTestBase {

    private static final String COORDINATOR = "mailtest-coord";
    private static final String STAFF = "mailtest-staff";
    private static final String PASSWORD = "mailtest-password";
    private static final String HYPHENATED_IDS = "[a-zA-Z0-9-]+|camunda-admin";

    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;
    @Autowired
    MailOutbox outbox;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectProvider<JavaMailSender> mailSender;
    @Autowired
    ObjectProvider<Clock> clock;
    @Autowired
    KiifMailProperties properties;
    @Autowired
    SpringTemplateEngine templateEngine;

    @BeforeEach
    void users() {
        allowHyphenatedIds();
        if (identityService.createGroupQuery().groupId(Groups.COORDINATION).count() == 0) {
            Group group = identityService.newGroup(Groups.COORDINATION);
            group.setName("Coordination Kiif");
            group.setType("WORKFLOW");
            identityService.saveGroup(group);
        }
        ensureUser(COORDINATOR);
        ensureUser(STAFF);
        if (identityService.createUserQuery().userId(COORDINATOR).memberOfGroup(Groups.COORDINATION).count() == 0) {
            identityService.createMembership(COORDINATOR, Groups.COORDINATION);
        }
    }

    /**
     * Camunda's default id pattern has no hyphen, which "kiif-coordination" needs. The identity
     * seeding configures a wider pattern; until it is merged, widen it here the same way.
     */
    private void allowHyphenatedIds() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        String groupPattern = configuration.getGroupResourceWhitelistPattern();
        String effective = groupPattern == null || groupPattern.isEmpty()
                ? configuration.getGeneralResourceWhitelistPattern() : groupPattern;
        if (effective != null && !Pattern.matches(effective, Groups.COORDINATION)) {
            configuration.setUserResourceWhitelistPattern(HYPHENATED_IDS);
            configuration.setGroupResourceWhitelistPattern(HYPHENATED_IDS);
        }
    }

    private void ensureUser(String id) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName("Test");
            user.setLastName(id);
            user.setEmail(id + "@example.org");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
    }

    @Test
    void coordinatorSeesTheMailWithAClickableLinkAndEscapedText() {
        String reference = "MT26-" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String recipient = uniqueRecipient();
        outbox.enqueue(unique("page"), recipient, "test-message",
                Map.of("reference", reference, "title", "Café <script>alert('x')</script>",
                        "name", "Zoé", "token", "t0k\"onmouseover=\"alert(1)"), reference);
        outbox.enqueue(unique("page-other"), uniqueRecipient(), "test-message",
                Map.of("reference", "MT26-AUTRE", "title", "Autre", "name", "Autre", "token", "x"), "MT26-AUTRE");

        ResponseEntity<String> response = http.withBasicAuth(COORDINATOR, PASSWORD)
                .getForEntity("/coordination/courriels?reference={reference}", String.class, reference);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String html = response.getBody();
        assertThat(html).contains("<html lang=\"fr\">", "<main>", "<caption>", "/css/kiif.css");
        assertThat(html).contains("<a href=\"http://localhost:8080/suivi/" + reference + "?jeton=t0k\">"
                + "http://localhost:8080/suivi/" + reference + "?jeton=t0k</a>");
        assertThat(html).doesNotContain("<script>", "onmouseover=\"");
        assertThat(html).contains("&lt;script&gt;");
        String text = HtmlUtils.htmlUnescape(html);
        assertThat(text).contains(recipient, "Dossier " + reference + " : accusé de réception",
                "En attente d'envoi", "Bonjour Zoé,");
        assertThat(text).doesNotContain("MT26-AUTRE");
        // Tests configure GreenMail as SMTP server, so no "kept" note here.
        assertThat(text).doesNotContain("Aucun serveur SMTP");
    }

    @Test
    void withoutSmtpThePageSaysMailsAreKeptHere() {
        MailDispatcher withoutSmtp = new MailDispatcher(jdbc, mailSender, properties, "", clock);
        SentMailController controller = new SentMailController(outbox, withoutSmtp, new CoordinatorAccess(identityService));
        identityService.setAuthentication(COORDINATOR, List.of(Groups.COORDINATION));
        ModelAndView page;
        try {
            page = controller.list("MT26-NONE");
        } finally {
            identityService.clearAuthentication();
        }

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/coordination/courriels");
        WebContext context = new WebContext(JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, new MockHttpServletResponse()), Locale.FRANCE, page.getModel());
        String html = HtmlUtils.htmlUnescape(templateEngine.process(page.getViewName(), context));

        assertThat(html).contains("Aucun serveur SMTP n'est configuré : les courriels sont conservés ici.",
                "Aucun courriel pour le dossier");
    }

    @Test
    void nonCoordinatorIsForbidden() {
        ResponseEntity<String> response = http.withBasicAuth(STAFF, PASSWORD)
                .getForEntity("/coordination/courriels", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(HtmlUtils.htmlUnescape(response.getBody())).contains("Accès refusé").doesNotContain("@example.org");
    }

    @Test
    void anonymousIsUnauthorized() {
        ResponseEntity<String> response = http.getForEntity("/coordination/courriels", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void unknownUserIsUnauthorized() {
        // Not a real user: a wrong password for one would lock it for the other tests.
        ResponseEntity<String> response = http.withBasicAuth("mailtest-nobody", "faux")
                .getForEntity("/coordination/courriels", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
