package fr.kiif.programmes.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.support.SpringTestBase;

/** "Programmes" page: the coordinator creates a programme and chooses its indicator set. */
class ProgrammePagesTest extends SpringTestBase {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CallRepository calls;

    private TestRestTemplate coordinator() {
        return http.withBasicAuth("coordination-1", "demo");
    }

    private static String text(ResponseEntity<String> response) {
        return HtmlUtils.htmlUnescape(response.getBody() == null ? "" : response.getBody());
    }

    private ResponseEntity<String> post(String id, String title, String indicatorSet) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("id", id);
        form.add("title", title);
        form.add("description", "Une filière créée depuis la page.");
        form.add("indicatorSet", indicatorSet);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return coordinator().postForEntity("/coordination/programmes", new HttpEntity<>(form, headers), String.class);
    }

    private ResponseEntity<String> followed(ResponseEntity<String> response) {
        if (response.getStatusCode().is3xxRedirection()) {
            return coordinator().getForEntity(response.getHeaders().getLocation(), String.class);
        }
        assertThat(response.getStatusCode()).as(text(response)).isEqualTo(HttpStatus.OK);
        return response;
    }

    @Test
    void theListShowsEachProgrammesSetAndTheChoiceOfSets() {
        ResponseEntity<String> page = coordinator().getForEntity("/coordination/programmes", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(page)).contains("Programmes", "Fin de vie et deuil", "fin-de-vie-deuil", "Nouveau programme",
                "Jeu d'indicateurs d'impact", "<option value=\"socle-kiif\" selected=\"selected\">Socle commun Kiif",
                "<option value=\"fin-de-vie-deuil\">Fin de vie et deuil");
    }

    @Test
    void aProgrammeCreatedOnThePageKeepsTheChosenSet() {
        String id = "page-prog-" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<String> page = followed(post(id, "Deuil périnatal", "fin-de-vie-deuil"));

        assertThat(text(page)).contains("Le programme " + id + " a été créé.", "Deuil périnatal");
        assertThat(calls.findProgramme(id).orElseThrow().indicatorSet()).isEqualTo("fin-de-vie-deuil");
        assertThat(text(coordinator().getForEntity("/coordination/appels/nouveau", String.class)))
                .contains("<option value=\"" + id + "\">Deuil périnatal (indicateurs : Fin de vie et deuil)</option>");
    }

    @Test
    void anUnknownSetIsShownAsAFieldErrorAndNothingIsStored() {
        String id = "page-prog-" + UUID.randomUUID().toString().substring(0, 8);

        ResponseEntity<String> page = post(id, "", "inconnu");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(page)).contains("Le programme contient des erreurs", "Le titre est obligatoire.",
                "Jeu d'indicateurs inconnu : inconnu.");
        assertThat(calls.programmeExists(id)).isFalse();
    }

    @Test
    void theCallsListShowsTheInheritedSet() {
        assertThat(text(coordinator().getForEntity("/coordination/appels", String.class)))
                .contains("Programme Fin de vie et deuil · indicateurs d'impact : Fin de vie et deuil");
    }

    @Test
    void incubatorStaffIsRefused() {
        assertThat(http.withBasicAuth("atis-1", "demo").getForEntity("/coordination/programmes", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
