package fr.kiif.programmes.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.DemoCallSeeder;
import fr.kiif.programmes.impact.CallIndicatorSets;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.CallBodies;

/** The coordinator chooses a programme's indicator set at creation; its calls show and measure it. */
class ProgrammeApiTest extends SpringTestBase {

    private static final String API = "/api/coordination/programmes";

    @Autowired
    TestRestTemplate http;
    @Autowired
    CallRepository calls;
    @Autowired
    CallIndicatorSets callSets;
    @Autowired
    ObjectMapper json;

    private TestRestTemplate coordinator() {
        return http.withBasicAuth("coordination-1", "demo");
    }

    private static String uniqueId() {
        return "prog-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> programme(String id, String indicatorSet) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("title", "Habitat inclusif " + id);
        body.put("description", "Filière des projets d'habitat inclusif.");
        if (indicatorSet != null) {
            body.put("indicatorSet", indicatorSet);
        }
        return body;
    }

    private JsonNode read(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }

    @Test
    void theIndicatorSetsOfTheLoadedFrameworkAreOffered() throws Exception {
        ResponseEntity<String> response = coordinator().getForEntity("/api/coordination/indicator-sets", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode sets = read(response);
        assertThat(sets).extracting(s -> s.get("id").asText()).containsExactly("socle-kiif", "fin-de-vie-deuil");
        assertThat(sets.get(1).get("label").asText()).isEqualTo("Fin de vie et deuil");
        assertThat(sets.get(1).get("indicatorCount").asInt()).isGreaterThan(sets.get(0).get("indicatorCount").asInt());
        assertThat(sets.get(0).get("phases")).extracting(JsonNode::asText).containsExactly("BASELINE", "MIDTERM", "FINAL");
    }

    @Test
    void aProgrammeCreatedWithAThemeSetPassesItToItsCalls() throws Exception {
        String id = uniqueId();

        ResponseEntity<String> response = coordinator().postForEntity(API, programme(id, "fin-de-vie-deuil"), String.class);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasPath(API + "/" + id);
        JsonNode created = read(response);
        assertThat(created.get("indicatorSet").asText()).isEqualTo("fin-de-vie-deuil");
        assertThat(created.get("indicatorSetLabel").asText()).isEqualTo("Fin de vie et deuil");
        assertThat(calls.findProgramme(id).orElseThrow().indicatorSet()).isEqualTo("fin-de-vie-deuil");
        assertThat(read(coordinator().getForEntity(API + "/" + id, String.class)).get("title").asText())
                .isEqualTo("Habitat inclusif " + id);
        assertThat(read(coordinator().getForEntity(API, String.class))).extracting(p -> p.get("id").asText()).contains(id);

        String callId = CallBodies.uniqueId();
        Map<String, Object> call = CallBodies.body(callId);
        call.put("programmeId", id);
        assertThat(coordinator().postForEntity("/api/coordination/calls", call, String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        JsonNode view = read(coordinator().getForEntity("/api/coordination/calls/" + callId, String.class));
        assertThat(view.get("indicatorSet").asText()).isEqualTo("fin-de-vie-deuil");
        assertThat(view.get("indicatorSetLabel").asText()).isEqualTo("Fin de vie et deuil");
        assertThat(callSets.forCall(callId).id()).isEqualTo("fin-de-vie-deuil");
    }

    @Test
    void withoutAChoiceTheCommonSetIsTaken() throws Exception {
        String id = uniqueId();

        ResponseEntity<String> response = coordinator().postForEntity(API, programme(id, null), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(read(response).get("indicatorSet").asText()).isEqualTo("socle-kiif");
    }

    @Test
    void anUnknownSetIsRefusedInFrenchAndNothingIsStored() throws Exception {
        String id = uniqueId();

        ResponseEntity<String> response = coordinator().postForEntity(API, programme(id, "critérium-complet"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode problem = read(response);
        assertThat(problem.get("title").asText()).isEqualTo("Programme invalide");
        assertThat(problem.get("errors")).singleElement().satisfies(error -> {
            assertThat(error.get("field").asText()).isEqualTo("indicatorSet");
            assertThat(error.get("message").asText()).isEqualTo("Jeu d'indicateurs inconnu : critérium-complet. "
                    + "Jeux disponibles : socle-kiif, fin-de-vie-deuil.");
        });
        assertThat(calls.programmeExists(id)).isFalse();
    }

    @Test
    void missingFieldsAndBadIdAreListedTogether() throws Exception {
        Map<String, Object> body = programme("Habitat Inclusif", "socle-kiif");
        body.remove("title");
        body.put("description", " ");

        ResponseEntity<String> response = coordinator().postForEntity(API, body, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(read(response).get("errors")).extracting(e -> e.get("field").asText())
                .containsExactly("id", "title", "description");
    }

    @Test
    void anExistingProgrammeIsAConflict() throws Exception {
        ResponseEntity<String> response = coordinator().postForEntity(API,
                programme(DemoCallSeeder.PROGRAMME_ID, "socle-kiif"), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(read(response).get("detail").asText())
                .isEqualTo("Un programme avec l'identifiant « fin-de-vie » existe déjà.");
        assertThat(calls.findProgramme(DemoCallSeeder.PROGRAMME_ID).orElseThrow().indicatorSet())
                .isEqualTo("fin-de-vie-deuil");
    }

    @Test
    void theDemoCallMeasuresTheEndOfLifeAndGriefSet() throws Exception {
        JsonNode view = read(coordinator().getForEntity("/api/coordination/calls/" + DemoCallSeeder.CALL_ID, String.class));

        assertThat(view.get("indicatorSet").asText()).isEqualTo("fin-de-vie-deuil");
        assertThat(callSets.forCall(DemoCallSeeder.CALL_ID).indicator("people-accompanied")).isPresent();
    }

    @Test
    void onlyTheCoordinationMayCreateProgrammes() {
        String id = uniqueId();

        assertThat(http.withBasicAuth("atis-1", "demo").postForEntity(API, programme(id, "socle-kiif"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.postForEntity(API, programme(id, "socle-kiif"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/coordination/indicator-sets", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(calls.programmeExists(id)).isFalse();
    }

    @Test
    void anUnknownProgrammeIsNotFound() {
        assertThat(coordinator().getForEntity(API + "/nope", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
