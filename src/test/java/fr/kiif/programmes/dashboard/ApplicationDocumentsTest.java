package fr.kiif.programmes.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.UploadedPdf;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.StaffPages;
import fr.kiif.programmes.support.TestPdfs;

/** Applicants' documents: listed and downloadable for the application's incubator, the coordination and its reviewers only. */
class ApplicationDocumentsTest extends SpringTestBase {

    @Autowired DashboardSeed seed;
    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationRepository applications;

    private DashboardSeed.Seeded seeded;
    private final byte[] pdf = TestPdfs.minimal();
    private long applicationId;
    private String reference;
    private String documentPath;

    @BeforeEach
    void applicationWithADocument() {
        seeded = seed.seed();
        reference = seeded.laureateAtis();
        applicationId = applications.findByReference(reference).orElseThrow().id();
        applications.addDocument(applicationId, "PITCH_DECK", new UploadedPdf("Présentation équipe.pdf", pdf), Instant.now());
        long documentId = jdbc.sql("select max(id) from application_document where application_id = ?").param(applicationId)
                .query(Long.class).single();
        documentPath = "/pilotage/candidatures/" + reference + "/documents/" + documentId;
    }

    @Test
    void theIncubatorAndTheCoordinationDownloadTheFileFromTheApplicationPage() {
        assertThat(page("atis-1", "/pilotage/candidatures/" + reference)).contains("href=\"" + documentPath + "\"")
                .contains("Présentation équipe.pdf").contains("(Présentation du projet, 1 Ko,");
        assertThat(page("atis-2", "/pilotage/candidatures/" + reference + "/documents")).contains("href=\"" + documentPath + "\"")
                .contains("Voir toute la candidature dans le pilotage");

        ResponseEntity<byte[]> download = http.withBasicAuth("coordination-1", "demo").getForEntity(documentPath, byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(pdf);
        assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
        assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("Présentation équipe.pdf");
        assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(http.withBasicAuth("atis-1", "demo").getForEntity(documentPath, byte[].class).getBody()).isEqualTo(pdf);
    }

    @Test
    void aReviewerFromAnotherIncubatorOpensTheDocumentsButNotTheRestOfTheApplication() {
        assertThat(get("ronalpia-2", documentPath).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        review("ronalpia-2", "ASSIGNED");

        String list = page("ronalpia-2", "/pilotage/candidatures/" + reference + "/documents");
        assertThat(list).contains("Présentation équipe.pdf").doesNotContain("Voir toute la candidature");
        assertThat(http.withBasicAuth("ronalpia-2", "demo").getForEntity(documentPath, byte[].class).getBody()).isEqualTo(pdf);
        assertThat(get("ronalpia-2", "/pilotage/candidatures/" + reference).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // Another person of the same incubator, with no review of it, is still refused.
        assertThat(get("ronalpia-1", documentPath).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onABlindReviewCallTheCrossReviewerGetsNoDocuments() {
        jdbc.sql("update programme_call set blind_review = true where id = ?").param(seeded.call().id()).update();
        review("ronalpia-2", "ASSIGNED");
        ResponseEntity<String> refused = get("ronalpia-2", "/pilotage/candidatures/" + reference + "/documents");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(HtmlUtils.htmlUnescape(refused.getBody())).contains(ApplicationDocuments.BLIND).doesNotContain("Présentation équipe.pdf");
        assertThat(get("ronalpia-2", documentPath).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // The application's own incubator still opens them.
        assertThat(page("atis-1", "/pilotage/candidatures/" + reference + "/documents")).contains("Présentation équipe.pdf");
    }

    @Test
    void aReviewerWhoDeclaredAConflictNoLongerOpensThem() {
        review("ronalpia-2", "RECUSED");
        ResponseEntity<String> refused = get("ronalpia-2", "/pilotage/candidatures/" + reference + "/documents");
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(HtmlUtils.htmlUnescape(refused.getBody())).contains(ApplicationDocuments.NOT_YOURS);
        assertThat(get("ronalpia-2", documentPath).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void jurorsAnonymousCallersAndWrongIdsAreRefused() {
        assertThat(get("jury-1", documentPath).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(documentPath, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        String otherApplication = documentPath.replace(reference, seeded.laureateRonalpia());
        assertThat(get("coordination-1", otherApplication).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("coordination-1", documentPath + "0").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // Not a number: the French error page.
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> garbled = http.withBasicAuth("coordination-1", "demo").exchange(
                "/pilotage/candidatures/" + reference + "/documents/abc", HttpMethod.GET, new HttpEntity<>(html), String.class);
        assertThat(garbled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(HtmlUtils.htmlUnescape(garbled.getBody())).contains("Adresse ou demande invalide").doesNotContain("Whitelabel");
        assertThat(get("coordination-1", "/pilotage/candidatures/INCONNU-0001/documents").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page("coordination-1", "/pilotage/candidatures/" + seeded.laureateRonalpia() + "/documents"))
                .contains("Aucun document n'a été joint à cette candidature.");
    }

    private void review(String reviewer, String status) {
        jdbc.sql("insert into review (application_id, reviewer_id, kind, status, assigned_at) values (?, ?, 'CROSS', ?, ?)")
                .params(applicationId, reviewer, status, OffsetDateTime.now(ZoneOffset.UTC)).update();
    }

    private ResponseEntity<String> get(String user, String path) {
        return new StaffPages(http).get(user, path);
    }

    private String page(String user, String path) {
        return new StaffPages(http).page(user, path);
    }
}
