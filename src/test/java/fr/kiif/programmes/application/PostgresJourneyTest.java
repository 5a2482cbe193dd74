package fr.kiif.programmes.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.call.DemoCallSeeder;
import fr.kiif.programmes.notification.MailDispatcher;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.PostgresTestBase;
import fr.kiif.programmes.support.TestMailServer;
import jakarta.mail.internet.MimeMessage;

/**
 * The main journey on a real PostgreSQL: submit through the API, the routed incubator's staff see
 * the task in the engine REST API (another incubator's do not), complete it, and the mails arrive.
 */
class PostgresJourneyTest extends PostgresTestBase {

    @Autowired TestRestTemplate http;
    @Autowired ObjectMapper json;
    @Autowired ManagementService managementService;
    @Autowired RuntimeService runtimeService;
    @Autowired MailDispatcher dispatcher;
    @Autowired DataSource dataSource;

    @Test
    void submitRouteCheckAndMailOnPostgres() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        String email = "pg-" + UUID.randomUUID() + "@example.org";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        HttpEntity<String> request = new HttpEntity<>(ApplicationForms.json("69", email), headers);
        ResponseEntity<String> created = http.postForEntity("/api/calls/" + DemoCallSeeder.CALL_ID + "/applications",
                request, String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = json.readTree(created.getBody()).get("reference").asText();
        // Retried with the same key: same application.
        assertThat(json.readTree(http.postForEntity("/api/calls/" + DemoCallSeeder.CALL_ID + "/applications",
                request, String.class).getBody()).get("reference").asText()).isEqualTo(reference);

        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .singleResult().getId());

        String query = "/engine-rest/task?processInstanceBusinessKey=" + reference;
        JsonNode seenByRonalpia = json.readTree(http.withBasicAuth("ronalpia-1", "demo").getForObject(query, String.class));
        JsonNode seenByAtis = json.readTree(http.withBasicAuth("atis-1", "demo").getForObject(query, String.class));
        assertThat(seenByRonalpia).hasSize(1);
        assertThat(seenByRonalpia.get(0).get("name").asText()).isEqualTo("Vérifier l'éligibilité");
        assertThat(seenByAtis).isEmpty();
        String taskId = seenByRonalpia.get(0).get("id").asText();

        ResponseEntity<String> variables = http.withBasicAuth("ronalpia-1", "demo")
                .getForEntity("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false", String.class);
        assertThat(variables.getBody()).contains("Café mortel itinérant").contains("incubator-ronalpia");
        assertThat(http.withBasicAuth("atis-1", "demo").getForEntity("/engine-rest/task/" + taskId + "/form-variables",
                String.class).getStatusCode().is2xxSuccessful()).isFalse();

        ResponseEntity<String> refused = complete("atis-1", taskId, "{\"eligibilityOutcome\":{\"value\":\"ELIGIBLE\"}}");
        assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
        ResponseEntity<String> noComment = complete("ronalpia-1", taskId, "{\"eligibilityOutcome\":{\"value\":\"INCOMPLETE\"}}");
        assertThat(noComment.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(noComment.getBody()).contains("ce qui manque");
        ResponseEntity<String> done = complete("ronalpia-1", taskId,
                "{\"eligibilityOutcome\":{\"value\":\"INCOMPLETE\"},\"eligibilityComment\":{\"value\":\"Merci de joindre le budget.\"}}");
        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        dispatcher.dispatchDue();
        MimeMessage[] received = Arrays.stream(TestMailServer.get().getReceivedMessages())
                .filter(message -> recipient(message).equals(email)).toArray(MimeMessage[]::new);
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).contains(reference).contains("bien reçue");
        assertThat(received[1].getSubject()).contains("complément");
        assertThat((String) received[1].getContent()).contains("Merci de joindre le budget.").contains("/complement");
    }

    private ResponseEntity<String> complete(String user, String taskId, String variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                new HttpEntity<>("{\"variables\":" + variables + "}", headers), String.class);
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
