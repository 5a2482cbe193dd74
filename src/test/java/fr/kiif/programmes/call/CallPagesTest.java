package fr.kiif.programmes.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.web.FrenchDates;
import fr.kiif.programmes.web.PageClient;

class CallPagesTest extends SpringTestBase {

    @LocalServerPort
    int port;

    @Autowired
    CallRepository calls;

    @Autowired
    FrenchDates dates;

    PageClient client;

    @BeforeEach
    void setUp() {
        client = new PageClient(port);
    }

    @Test
    void homeListsTheOpenDemoCallWithItsClosingDateInFrench() {
        ProgrammeCall demo = calls.findById(DemoCallSeeder.CALL_ID).orElseThrow();

        HttpResponse<String> page = client.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = text(page);
        assertThat(html).contains("<html lang=\"fr\"", "Kiif Programmes", "href=\"/css/kiif.css\"",
                "href=\"/confidentialite\"", demo.title(), "Fin de vie et deuil",
                "href=\"/appels/fin-de-vie-2026\"", dates.dateTime(demo.closesAt()));
        assertThat(dates.dateTime(demo.closesAt())).matches("(1er|\\d{1,2}) \\p{L}+ \\d{4} à 12h00");
    }

    @Test
    void homeDoesNotListACallThatIsNotOpen() {
        ProgrammeCall closed = insertCall("ferme", Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)));

        assertThat(text(client.get("/"))).doesNotContain(closed.title());
    }

    @Test
    void callPageShowsDescriptionEligibilityTerritoriesCriteriaAndApplyButton() {
        HttpResponse<String> page = client.get("/appels/" + DemoCallSeeder.CALL_ID);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page)).contains("Appel à solutions « Fin de vie et deuil » 2026",
                "cafés mortels", "Qui peut candidater ?", "SCIC (société coopérative d'intérêt collectif)",
                "Territoires couverts", "Atis", "Critères de sélection", "Impact social", "coefficient 3",
                "href=\"/appels/fin-de-vie-2026/candidater\"", ">Candidater<");
    }

    @Test
    void closedCallPageSaysSoWithoutApplyButton() {
        ProgrammeCall closed = insertCall("clos", Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofDays(1)));

        HttpResponse<String> page = client.get("/appels/" + closed.id());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page)).contains(closed.title(), "Cet appel est clos depuis le", "plus possible d'y candidater")
                .doesNotContain("/candidater\"");
    }

    @Test
    void callNotYetOpenSaysWhenItOpens() {
        ProgrammeCall future = insertCall("futur", Instant.now().plus(Duration.ofDays(10)), Instant.now().plus(Duration.ofDays(40)));

        assertThat(text(client.get("/appels/" + future.id())))
                .contains("pas encore ouvert", dates.dateTime(future.opensAt()))
                .doesNotContain("/candidater\"");
    }

    @Test
    void unknownCallGivesAFrenchNotFoundPage() {
        HttpResponse<String> page = client.get("/appels/pas-un-appel");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(text(page)).contains("<html lang=\"fr\"", "Page introuvable", "Cet appel à candidatures n'existe pas");
    }

    @Test
    void unknownAddressGivesTheFrenchNotFoundPage() {
        HttpResponse<String> page = client.get("/nulle-part");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(text(page)).contains("Page introuvable", "Cette page n'existe pas");
    }

    @Test
    void privacyNoticeIsInFrenchAndSaysAPersonDecides() {
        HttpResponse<String> page = client.get("/confidentialite");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(text(page)).contains("Responsable du traitement", "Le Kiif", "Durée de conservation", "Vos droits",
                "CNIL", "une personne de l'incubateur examine toujours votre candidature et prend la décision");
    }

    @Test
    void stylesheetIsServed() {
        HttpResponse<String> css = client.get("/css/kiif.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(":focus-visible", "@media");
    }

    private ProgrammeCall insertCall(String label, Instant opensAt, Instant closesAt) {
        String suffix = Long.toString(System.nanoTime(), 36);
        ProgrammeCall call = new ProgrammeCall("test-" + label + "-" + suffix, DemoCallSeeder.PROGRAMME_ID,
                "Fin de vie et deuil", "Appel de test " + label + " " + suffix, "Description de test.",
                "Tout le monde.", ("T" + suffix).substring(0, Math.min(12, suffix.length() + 1)).toUpperCase(),
                opensAt, closesAt, List.of("gironde"), EnumSet.allOf(LegalForm.class), EnumSet.allOf(Stage.class),
                Duration.ofDays(14), Duration.ofDays(10),
                List.of(new Criterion("socialImpact", "Impact social", "Impact.", 1)));
        calls.insert(call);
        return call;
    }

    static String text(HttpResponse<String> page) {
        return HtmlUtils.htmlUnescape(page.body());
    }
}
