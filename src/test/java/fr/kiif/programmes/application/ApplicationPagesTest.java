package fr.kiif.programmes.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.Criterion;
import fr.kiif.programmes.call.DemoCallSeeder;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.web.PageClient;
import fr.kiif.programmes.web.PageClient.FilePart;

class ApplicationPagesTest extends SpringTestBase {

    static final String FORM_PATH = "/appels/" + DemoCallSeeder.CALL_ID + "/candidater";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    CallRepository calls;

    @Autowired
    JdbcClient jdbc;

    PageClient client;

    @BeforeEach
    void setUp() {
        client = new PageClient(port);
    }

    @Test
    void formHasLabelledFieldsFrenchChoicesAndConsentLink() {
        HttpResponse<String> page = client.get(FORM_PATH);

        assertThat(page.statusCode()).isEqualTo(200);
        String html = text(page);
        assertThat(html).contains("<html lang=\"fr\"", "enctype=\"multipart/form-data\"",
                "<label for=\"organisationName\">Nom de la structure ou du collectif",
                "id=\"organisationName\"", "<label for=\"contact-email\">Adresse électronique",
                "id=\"contact-email\"", "name=\"contact.email\"", "<label for=\"siret\">Numéro SIRET (facultatif)",
                "14 chiffres", "<option value=\"33\">33 – Gironde</option>",
                "<option value=\"SCIC\">SCIC (société coopérative d'intérêt collectif)</option>",
                "type=\"radio\"", "Changement d'échelle", "Financements obtenus à ce jour (en €)",
                "accept=\"application/pdf,.pdf\"", "PDF, 10 Mo maximum", "10 * 1024 * 1024",
                "href=\"/confidentialite\"", "(obligatoire)", "name=\"idempotencyKey\"")
                .doesNotContain("error-summary");
        // Every label points to an existing field.
        for (String id : List.of("organisationName", "legalForm", "siret", "departement", "contact-firstName",
                "contact-lastName", "contact-email", "contact-phone", "projectTitle", "summary", "socialNeed",
                "beneficiaries", "stage", "teamSize", "fundingToDate", "supportNeeds", "themeFit", "pitchDeck", "consent")) {
            assertThat(html).contains("for=\"" + id + "\"").contains("id=\"" + id + "\"");
        }
    }

    @Test
    void validApplicationIsStoredAndConfirmedWithItsReference() {
        String title = "Cafés mortels " + UUID.randomUUID();

        HttpResponse<String> posted = client.postForm(FORM_PATH, PageClient.validApplication(title));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow())
                .endsWith("/appels/fin-de-vie-2026/candidature-envoyee");
        Application stored = byTitle(title);
        assertThat(stored.reference()).startsWith("FDV26-");
        assertThat(stored.departement()).isEqualTo("33");
        assertThat(stored.fundingToDate()).isEqualTo(15_000L);
        assertThat(stored.stage()).isEqualTo(Stage.LAUNCH);
        assertThat(stored.contactEmail()).isEqualTo("camille.durand@example.fr");

        HttpResponse<String> confirmation = client.follow(posted);
        assertThat(confirmation.statusCode()).isEqualTo(200);
        assertThat(text(confirmation)).contains("Candidature envoyée", stored.reference(),
                "camille.durand@example.fr", "lien privé");
    }

    @Test
    void validMultipartApplicationKeepsThePitchDeck() {
        String title = "Avec présentation " + UUID.randomUUID();

        HttpResponse<String> posted = client.postMultipart(FORM_PATH, PageClient.validApplication(title),
                Map.of("pitchDeck", new FilePart("présentation.pdf", "application/pdf", PageClient.pdf())));

        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(applications.documentNames(byTitle(title).id())).containsExactly("présentation.pdf");
    }

    @Test
    void sameIdempotencyKeyTwiceStoresOneApplication() {
        String title = "Double clic " + UUID.randomUUID();
        Map<String, String> form = new HashMap<>(PageClient.validApplication(title));
        form.put("idempotencyKey", UUID.randomUUID().toString());

        assertThat(client.postForm(FORM_PATH, form).statusCode()).isEqualTo(302);
        assertThat(client.postForm(FORM_PATH, form).statusCode()).isEqualTo(302);

        assertThat(countByTitle(title)).isEqualTo(1);
    }

    @Test
    void missingFieldsAreReportedInFrenchNextToEachFieldAndNothingIsStored() {
        String title = "Incomplet " + UUID.randomUUID();
        Map<String, String> form = new HashMap<>(PageClient.validApplication(title));
        form.put("organisationName", "");
        form.put("contact.email", "pas-une-adresse");
        form.remove("stage");
        form.remove("consent");

        HttpResponse<String> page = client.postForm(FORM_PATH, form);

        assertThat(page.statusCode()).isEqualTo(400);
        String html = text(page);
        assertThat(html).contains("<title>Erreur : ", "class=\"error-summary\" role=\"alert\"",
                "href=\"#organisationName\">Indiquez le nom de votre structure.</a>",
                "href=\"#contact-email\">L'adresse électronique n'est pas valide",
                "href=\"#stage\">Choisissez le stade d'avancement du projet.</a>",
                "href=\"#consent\">Vous devez accepter la politique de confidentialité",
                "id=\"organisationName-error\"", "aria-describedby=\"organisationName-error\"",
                "aria-describedby=\"contact-email-hint contact-email-error\"", "aria-invalid=\"true\"");
        // What the person typed is kept.
        assertThat(html).contains("value=\"" + title + "\"", "value=\"pas-une-adresse\"",
                "Des cafés mortels itinérants en Gironde.</textarea>", "<option value=\"33\" selected=\"selected\">");
        assertThat(countByTitle(title)).isZero();
    }

    @Test
    void siretWithABadChecksumIsRefused() {
        String title = "SIRET faux " + UUID.randomUUID();
        Map<String, String> form = new HashMap<>(PageClient.validApplication(title));
        form.put("siret", "732 829 320 00075");

        HttpResponse<String> page = client.postForm(FORM_PATH, form);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(text(page)).contains("href=\"#siret\">Le numéro SIRET doit comporter 14 chiffres et être valide.",
                "value=\"73282932000075\"");
        assertThat(countByTitle(title)).isZero();
    }

    @Test
    void unknownDepartementIsRefusedByTheService() {
        String title = "Département inconnu " + UUID.randomUUID();
        Map<String, String> form = new HashMap<>(PageClient.validApplication(title));
        form.put("departement", "99");

        HttpResponse<String> page = client.postForm(FORM_PATH, form);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(text(page)).contains("href=\"#departement\">Ce département n'existe pas.</a>", "id=\"departement-error\"");
        assertThat(countByTitle(title)).isZero();
    }

    @Test
    void lettersInNumbersGiveFrenchMessages() {
        String title = "Nombres " + UUID.randomUUID();
        Map<String, String> form = new HashMap<>(PageClient.validApplication(title));
        form.put("teamSize", "trois");
        form.put("legalForm", "SARL");

        HttpResponse<String> page = client.postForm(FORM_PATH, form);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(text(page)).contains("Indiquez un nombre entier de personnes", "value=\"trois\"",
                "Choisissez une forme juridique dans la liste.").doesNotContain("Failed to convert");
        assertThat(countByTitle(title)).isZero();
    }

    @Test
    void fileNamedPdfThatIsNotAPdfIsRefusedAndOtherAnswersAreKept() {
        String title = "Faux PDF " + UUID.randomUUID();

        HttpResponse<String> page = client.postMultipart(FORM_PATH, PageClient.validApplication(title),
                Map.of("pitchDeck", new FilePart("presentation.pdf", "application/pdf",
                        "Ceci n'est pas un PDF".getBytes(StandardCharsets.UTF_8))));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(text(page)).contains("href=\"#pitchDeck\">" + PdfChecker.NOT_A_PDF,
                "sélectionnez-le à nouveau", "value=\"" + title + "\"");
        assertThat(countByTitle(title)).isZero();
    }

    @Test
    void validFileIsNotKeptWhenOtherFieldsAreWrongAndThePageSaysSo() {
        String title = "Fichier perdu " + UUID.randomUUID();
        Map<String, String> form = new HashMap<>(PageClient.validApplication(title));
        form.put("summary", "");

        HttpResponse<String> page = client.postMultipart(FORM_PATH, form,
                Map.of("pitchDeck", new FilePart("presentation.pdf", "application/pdf", PageClient.pdf())));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(text(page)).contains("Résumez votre projet.", "le fichier choisi n'a pas été conservé");
    }

    @Test
    void fileOverTenMegabytesGivesTheFrench413Page() {
        String title = "Trop lourd " + UUID.randomUUID();
        byte[] big = new byte[10 * 1024 * 1024 + 512 * 1024];
        System.arraycopy(PageClient.pdf(), 0, big, 0, PageClient.pdf().length);

        HttpResponse<String> page = client.postMultipart(FORM_PATH, PageClient.validApplication(title),
                Map.of("pitchDeck", new FilePart("lourd.pdf", "application/pdf", big)));

        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(text(page)).contains("<html lang=\"fr\"", "Le fichier dépasse 10 Mo");
        assertThat(countByTitle(title)).isZero();
    }

    @Test
    void fileOverTenMegabytesUnderApiGivesJson() {
        HttpResponse<String> response = client.postMultipart("/api/calls/" + DemoCallSeeder.CALL_ID + "/applications",
                Map.of(), Map.of("pitchDeck", new FilePart("lourd.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1024])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).contains("json");
        assertThat(response.body()).contains("\"status\":413", "Le fichier dépasse 10 Mo");
    }

    @Test
    void closedCallRefusesTheFormAndTheSubmissionWith409() {
        ProgrammeCall closed = closedCall();
        String path = "/appels/" + closed.id() + "/candidater";

        HttpResponse<String> form = client.get(path);
        assertThat(form.statusCode()).isEqualTo(409);
        assertThat(text(form)).contains("<html lang=\"fr\"", "n'est pas ouvert en ce moment");

        HttpResponse<String> posted = client.postForm(path, PageClient.validApplication("Trop tard " + UUID.randomUUID()));
        assertThat(posted.statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("select count(*) from application where call_id = ?").param(closed.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void unknownCallFormIs404() {
        HttpResponse<String> page = client.get("/appels/inconnu-" + UUID.randomUUID() + "/candidater");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(text(page)).contains("Cet appel à candidatures n'existe pas");
    }

    private ProgrammeCall closedCall() {
        String suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
        ProgrammeCall call = new ProgrammeCall("test-clos-" + suffix.toLowerCase(), DemoCallSeeder.PROGRAMME_ID,
                "Fin de vie et deuil", "Appel clos " + suffix, "Description.", "Tout le monde.",
                ("C" + suffix).substring(0, Math.min(12, suffix.length() + 1)),
                Instant.now().minus(Duration.ofDays(60)), Instant.now().minus(Duration.ofDays(1)),
                List.of("gironde"), EnumSet.allOf(LegalForm.class), EnumSet.allOf(Stage.class),
                Duration.ofDays(14), Duration.ofDays(10), List.of(new Criterion("socialImpact", "Impact social", "Impact.", 1)));
        calls.insert(call);
        return call;
    }

    private Application byTitle(String title) {
        long id = jdbc.sql("select id from application where project_title = ?").param(title).query(Long.class).single();
        return applications.findById(id).orElseThrow();
    }

    private int countByTitle(String title) {
        return jdbc.sql("select count(*) from application where project_title = ?").param(title).query(Integer.class).single();
    }

    static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }
}
