package fr.kiif.programmes.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.DemoCallSeeder;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.TestCalls;
import fr.kiif.programmes.support.TestPdfs;

/** The public JSON API of DESIGN §6, through the real HTTP server. */
class ApplicationApiTest extends SpringTestBase {

    private static final String SUBMIT = "/api/calls/" + DemoCallSeeder.CALL_ID + "/applications";

    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired CallRepository calls;
    @Autowired ObjectMapper json;

    @Test
    void listsOpenCallsAndShowsOne() throws Exception {
        JsonNode open = json.readTree(http.getForObject("/api/calls", String.class));
        assertThat(open.findValuesAsText("id")).contains(DemoCallSeeder.CALL_ID);

        JsonNode call = json.readTree(http.getForObject("/api/calls/" + DemoCallSeeder.CALL_ID, String.class));
        assertThat(call.get("title").asText()).contains("Fin de vie et deuil");
        assertThat(call.get("open").asBoolean()).isTrue();
        assertThat(call.get("territories").findValuesAsText("incubator")).contains("Atis", "Ronalpia");
        assertThat(call.get("criteria").findValuesAsText("code")).contains("socialImpact", "themeFit");
        assertThat(http.getForEntity("/api/calls/nope", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void validJsonSubmissionIsCreated() throws Exception {
        String email = uniqueEmail();
        ResponseEntity<String> response = postJson(ApplicationForms.json("33", email), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("reference").asText()).matches("FDV26-\\d{4}");
        assertThat(body.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(count(email)).isOne();
    }

    @Test
    void missingAndMalformedFieldsGiveFrenchFieldErrorsAndStoreNothing() throws Exception {
        String email = uniqueEmail();
        String body = ApplicationForms.json("33", email)
                .replace("\"organisationName\":\"Les Passeurs\",", "")
                .replace("\"phone\":\"0601020304\"", "\"phone\":\"abc\"")
                .replace("\"consent\":true", "\"consent\":false");
        ResponseEntity<String> response = postJson(body, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        Map<String, String> errors = errors(response);
        assertThat(errors).containsEntry("organisationName", "Indiquez le nom de votre structure.")
                .containsKey("contact.phone").containsKey("consent");
        assertThat(count(email)).isZero();

        ResponseEntity<String> badEmail = postJson(ApplicationForms.json("33", "pas-une-adresse"), null);
        assertThat(errors(badEmail)).containsKey("contact.email");
    }

    @Test
    void invalidSiretUnknownDepartementAndUnknownEnumAreRefused() throws Exception {
        String email = uniqueEmail();
        ResponseEntity<String> siret = postJson(ApplicationForms.json("33", email).replace("\"siret\":null", "\"siret\":\"73282932000075\""), null);
        assertThat(errors(siret)).containsEntry("siret", "Le numéro SIRET doit comporter 14 chiffres et être valide.");

        ResponseEntity<String> departement = postJson(ApplicationForms.json("99", email), null);
        assertThat(departement.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(departement)).containsEntry("departement", "Ce département n'existe pas.");

        ResponseEntity<String> legalForm = postJson(ApplicationForms.json("33", email).replace("ASSOCIATION", "CLUB"), null);
        assertThat(legalForm.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(legalForm.getBody()).get("detail").asText()).contains("JSON");
        assertThat(count(email)).isZero();
    }

    @Test
    void closedCallGives409AndUnknownCall404() {
        String callId = TestCalls.closed(calls).id();
        String email = uniqueEmail();
        ResponseEntity<String> closed = http.postForEntity("/api/calls/" + callId + "/applications",
                jsonEntity(ApplicationForms.json("33", email), null), String.class);
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(closed.getBody()).contains("n'accepte pas de candidatures");
        assertThat(http.postForEntity("/api/calls/inconnu/applications", jsonEntity(ApplicationForms.json("33", email), null),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(count(email)).isZero();
    }

    @Test
    void sameIdempotencyKeyTwiceGivesOneApplication() throws Exception {
        String email = uniqueEmail();
        String key = UUID.randomUUID().toString();
        ResponseEntity<String> first = postJson(ApplicationForms.json("33", email), key);
        ResponseEntity<String> second = postJson(ApplicationForms.json("33", email), key);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(second.getBody()).get("reference").asText())
                .isEqualTo(json.readTree(first.getBody()).get("reference").asText());
        assertThat(count(email)).isOne();
        assertThat(postJson(ApplicationForms.json("33", email), null).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(count(email)).isEqualTo(2);
    }

    @Test
    void multipartWithAPdfStoresTheDocument() throws Exception {
        String email = uniqueEmail();
        ResponseEntity<String> response = postMultipart(ApplicationForms.json("33", email), "pitch.pdf", TestPdfs.minimal());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = json.readTree(response.getBody()).get("reference").asText();
        assertThat(jdbc.sql("select d.file_name from application_document d join application a on a.id = d.application_id where a.reference = ?")
                .param(reference).query(String.class).list()).containsExactly("pitch.pdf");
    }

    @Test
    void aFileThatIsNotReallyAPdfIsRefused() {
        String email = uniqueEmail();
        ResponseEntity<String> response = postMultipart(ApplicationForms.json("33", email), "pitch.pdf",
                "PK\u0003\u0004 this is a zip, not a pdf".getBytes());
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(errors(response)).containsEntry("pitchDeck", PdfChecker.NOT_A_PDF);
        assertThat(count(email)).isZero();
    }

    @Test
    void aFileOverTenMegabytesGives413() {
        String email = uniqueEmail();
        byte[] big = TestPdfs.padded(10 * 1024 * 1024 + 1);
        ResponseEntity<String> response = postMultipart(ApplicationForms.json("33", email), "gros.pdf", big);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(count(email)).isZero();
    }

    @Test
    void apiIsDocumentedWithOpenApi() throws Exception {
        JsonNode docs = json.readTree(http.getForObject("/v3/api-docs", String.class));
        assertThat(docs.get("paths").has("/api/calls")).isTrue();
        assertThat(docs.get("paths").has("/api/calls/{callId}/applications")).isTrue();
        // The Swagger UI and the chart library are served from their webjars (no resource chain needed).
        assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/webjars/chart.js/4.5.1/dist/chart.umd.min.js", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private ResponseEntity<String> postJson(String body, String idempotencyKey) {
        return http.postForEntity(SUBMIT, jsonEntity(body, idempotencyKey), String.class);
    }

    private static HttpEntity<String> jsonEntity(String body, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return new HttpEntity<>(body, headers);
    }

    private ResponseEntity<String> postMultipart(String applicationJson, String fileName, byte[] content) {
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("application", new HttpEntity<>(applicationJson, jsonPart));
        HttpHeaders filePart = new HttpHeaders();
        filePart.setContentType(MediaType.APPLICATION_PDF);
        parts.add("pitchDeck", new HttpEntity<>(new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, filePart));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.postForEntity(SUBMIT, new HttpEntity<>(parts, headers), String.class);
    }

    private Map<String, String> errors(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        try {
            Map<String, String> errors = new java.util.HashMap<>();
            for (JsonNode error : json.readTree(response.getBody()).get("errors")) {
                errors.put(error.get("field").asText(), error.get("message").asText());
            }
            return errors;
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }

    private int count(String email) {
        return jdbc.sql("select count(*) from application where contact_email = ?").param(email).query(Integer.class).single();
    }

    private static String uniqueEmail() {
        return "api-" + UUID.randomUUID() + "@example.org";
    }

}
