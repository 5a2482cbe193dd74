package fr.kiif.programmes.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.support.SpringTestBase;

/**
 * Tasklist's "Démarrer un processus" offers none of our processes: each one is started by the application itself
 * (a submission, a published call, a selected laureate) with the variables it needs; a hand-started one would fail.
 */
class TasklistStartDialogTest extends SpringTestBase {

    private static final List<String> OURS = List.of("application", "programme-call", "cohort-support", "impact-evaluation");

    @Autowired TestRestTemplate http;

    @Test
    void noProcessOfOursIsStartableFromTasklistEvenForTheCoordination() throws Exception {
        // The query Tasklist sends for its start dialog.
        List<String> startable = keys("/engine-rest/process-definition?latestVersion=true&active=true"
                + "&startableInTasklist=true&startablePermissionCheck=true&notStartableInTasklist=false");
        assertThat(startable).doesNotContainAnyElementsOf(OURS);
        // The coordination can see (and, through the application, start) them: the dialog alone is closed.
        assertThat(keys("/engine-rest/process-definition?latestVersion=true")).containsAll(OURS);
    }

    private List<String> keys(String path) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth("coordination-1", "demo").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        List<String> keys = new ArrayList<>();
        for (JsonNode definition : new ObjectMapper().readTree(response.getBody())) {
            keys.add(definition.get("key").asText());
        }
        return keys;
    }
}
