package fr.kiif.programmes.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.alliance.IdentitySeeder;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.UploadedPdf;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.StaffPages;
import fr.kiif.programmes.support.TestPdfs;

/** The jury's reading page: the call's jury and the coordination read the applications it deliberates on, in full. */
class JuryDossiersTest extends SpringTestBase {

    @Autowired CohortFixtures fixtures;
    @Autowired IdentitySeeder identitySeeder;
    @Autowired ApplicationRepository applications;
    @Autowired TestRestTemplate http;
    @Autowired JdbcClient jdbc;

    private ProgrammeCall call;
    private String reviewed;
    private String inCheck;
    private String documentPath;

    @BeforeEach
    void callWithAJury() {
        call = fixtures.supportCall();
        identitySeeder.ensureJuryMembers(call.id(), List.of("jury-2"));
        reviewed = fixtures.reviewed(call, "33").getBusinessKey();
        inCheck = fixtures.submitted(call, "69").getBusinessKey();
        long id = applications.findByReference(reviewed).orElseThrow().id();
        applications.addDocument(id, "PITCH_DECK", new UploadedPdf("Dossier jury.pdf", TestPdfs.minimal()), Instant.now());
        long documentId = jdbc.sql("select max(id) from application_document where application_id = ?").param(id)
                .query(Long.class).single();
        documentPath = "/pilotage/candidatures/" + reviewed + "/documents/" + documentId;
    }

    @Test
    void theCallsJurorReadsTheReviewedApplicationsInFullAndTheirDocuments() {
        var application = applications.findByReference(reviewed).orElseThrow();
        String page = pages().page("jury-2", "/jury/appels/" + call.id());
        assertThat(page).contains("Dossiers du jury", call.title(), reviewed, application.projectTitle(), application.organisationName(),
                        application.summary(), "Atis", "Solide.", "href=\"/pilotage/candidatures/" + reviewed + "/documents\"")
                .contains("Cohorte : 4 places au total")
                // Not in the jury's set (its eligibility is being checked); never the contact person.
                .doesNotContain(inCheck).doesNotContain(application.contactEmail()).doesNotContain(application.contactLastName());

        assertThat(pages().page("jury-2", "/pilotage/candidatures/" + reviewed + "/documents")).contains("Dossier jury.pdf")
                .doesNotContain("Voir toute la candidature");
        assertThat(http.withBasicAuth("jury-2", "demo").getForEntity(documentPath, byte[].class).getBody())
                .isEqualTo(TestPdfs.minimal());
        // The jury does not get the rest of the dashboard, nor applications outside its set.
        assertThat(pages().get("jury-2", "/pilotage/candidatures/" + reviewed).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(pages().get("jury-2", "/pilotage/candidatures/" + inCheck + "/documents").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theCoordinationReadsThemTooOthersAreRefused() {
        assertThat(pages().page("coordination-1", "/jury/appels/" + call.id())).contains(reviewed);
        for (String user : new String[] {"jury-1", "atis-1"}) {
            var refused = pages().get(user, "/jury/appels/" + call.id());
            assertThat(refused.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(HtmlUtils.htmlUnescape(refused.getBody())).contains("réservés au jury de l'appel");
        }
        assertThat(pages().get("jury-1", documentPath).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/jury/appels/" + call.id(), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(pages().get("coordination-1", "/jury/appels/inconnu").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private StaffPages pages() {
        return new StaffPages(http);
    }
}
