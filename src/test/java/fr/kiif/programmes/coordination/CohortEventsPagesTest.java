package fr.kiif.programmes.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationForm;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.application.UploadedPdf;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.cohort.CohortEvent;
import fr.kiif.programmes.cohort.CohortEvents;
import fr.kiif.programmes.cohort.SupportRecords;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.TestCalls;

class CohortEventsPagesTest extends SpringTestBase {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CallRepository calls;
    @Autowired
    ApplicationSubmissionService submissions;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CohortEvents events;
    @Autowired
    SupportRecords records;

    private TestRestTemplate coordinator() {
        return http.withBasicAuth("coordination-1", "demo");
    }

    private static String text(ResponseEntity<String> response) {
        return HtmlUtils.htmlUnescape(response.getBody() == null ? "" : response.getBody());
    }

    private static ResponseEntity<String> post(TestRestTemplate client, String path, MultiValueMap<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return client.postForEntity(path, new HttpEntity<>(form, headers), String.class);
    }

    /** The page shown after a successful post (the client may or may not have followed the redirect). */
    private ResponseEntity<String> afterRedirect(ResponseEntity<String> response) {
        if (response.getStatusCode().is3xxRedirection()) {
            return coordinator().getForEntity(response.getHeaders().getLocation(), String.class);
        }
        assertThat(response.getStatusCode()).as(text(response)).isEqualTo(HttpStatus.OK);
        return response;
    }

    private ProgrammeCall openCall() {
        Instant now = Instant.now();
        return TestCalls.insert(calls, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));
    }

    private Application laureate(ProgrammeCall call, String incubator) {
        Application application = applicant(call);
        jdbc.sql("""
                insert into laureate_support (application_id, call_id, incubator_slug, coach_id, status, started_at)
                values (?, ?, ?, ?, 'ACTIVE', ?)""")
                .params(application.id(), call.id(), incubator, incubator + "-1", Instant.now().atOffset(ZoneOffset.UTC)).update();
        return application;
    }

    private Application applicant(ProgrammeCall call) {
        ApplicationForm form = ApplicationForms.valid("33", "evenement-" + UUID.randomUUID() + "@example.fr");
        form.setProjectTitle("Projet " + UUID.randomUUID());
        String reference = submissions.submit(call.id(), form, Optional.<UploadedPdf>empty(), null).reference();
        return applications.findByReference(reference).orElseThrow();
    }

    private static MultiValueMap<String, String> session(String callId, String heldOn, String topic, String scope, String hours) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("callId", callId);
        form.add("heldOn", heldOn);
        form.add("topic", topic);
        form.add("scope", scope);
        form.add("durationHours", hours);
        return form;
    }

    @Test
    void coordinatorRecordsASessionTicksAttendanceAndRemovesIt() {
        ProgrammeCall call = openCall();
        Application a = laureate(call, "atis");
        Application b = laureate(call, "ronalpia");
        Application notLaureate = applicant(call);

        ResponseEntity<String> list = coordinator().getForEntity("/coordination/evenements?appel=" + call.id(), String.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(list)).contains("<h1>Événements collectifs</h1>", "Aucune session enregistrée pour cet appel.",
                "2 lauréats", "Enregistrer une session", "National (toute l'alliance)", "Atis (Nouvelle-Aquitaine)",
                "aria-current=\"page\"");

        ResponseEntity<String> created = post(coordinator(), "/coordination/evenements",
                session(call.id(), "2027-04-02", "Mesurer son impact social", "NATIONAL", "2,5"));
        ResponseEntity<String> page = afterRedirect(created);
        long id = events.list(call.id()).get(0).id();
        CohortEvent event = events.find(id).orElseThrow();
        assertThat(event.callId()).isEqualTo(call.id());
        assertThat(event.heldOn()).isEqualTo(LocalDate.of(2027, 4, 2));
        assertThat(event.scope()).isEqualTo(CohortEvent.NATIONAL);
        assertThat(event.durationHours()).isEqualByComparingTo("2.5");
        assertThat(event.recordedBy()).isEqualTo("coordination-1");

        assertThat(text(page)).contains("La session a été enregistrée", "Mesurer son impact social", "2 avril 2027", "National",
                "2,5 h", a.reference(), b.reference(), "name=\"applicationId\"").doesNotContain(notLaureate.reference());

        MultiValueMap<String, String> ticks = new LinkedMultiValueMap<>();
        ticks.add("applicationId", Long.toString(a.id()));
        ticks.add("applicationId", Long.toString(b.id()));
        ResponseEntity<String> saved = post(coordinator(), "/coordination/evenements/" + id + "/presences", ticks);
        assertThat(events.attendance(id)).containsExactlyInAnyOrder(a.id(), b.id());
        assertThat(records.laureate(a.id()).orElseThrow().eventHours()).isEqualByComparingTo("2.5");
        ResponseEntity<String> after = afterRedirect(saved);
        assertThat(text(after)).contains("Les présences ont été enregistrées",
                "value=\"" + a.id() + "\" checked=\"checked\"");

        // Untick b.
        MultiValueMap<String, String> onlyA = new LinkedMultiValueMap<>();
        onlyA.add("applicationId", Long.toString(a.id()));
        post(coordinator(), "/coordination/evenements/" + id + "/presences", onlyA);
        assertThat(events.attendance(id)).containsExactly(a.id());

        // A non-laureate cannot be ticked.
        MultiValueMap<String, String> intruder = new LinkedMultiValueMap<>();
        intruder.add("applicationId", Long.toString(notLaureate.id()));
        ResponseEntity<String> refused = post(coordinator(), "/coordination/evenements/" + id + "/presences", intruder);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(refused)).contains("role=\"alert\"", "Seuls les lauréats de l'appel de cette session");
        assertThat(events.attendance(id)).containsExactly(a.id());

        ResponseEntity<String> listed = coordinator().getForEntity("/coordination/evenements?appel=" + call.id(), String.class);
        assertThat(text(listed)).contains("Mesurer son impact social", "2 avril 2027", "2,5 h");

        ResponseEntity<String> removed = post(coordinator(), "/coordination/evenements/" + id + "/supprimer",
                new LinkedMultiValueMap<>());
        assertThat(events.find(id)).isEmpty();
        assertThat(records.laureate(a.id()).orElseThrow().eventHours()).isEqualByComparingTo("0");
        assertThat(text(afterRedirect(removed)))
                .contains("La session a été supprimée.", "Aucune session enregistrée pour cet appel.");
    }

    @Test
    void invalidSessionIsRefusedWithFrenchErrorsAndKeepsTheValues() {
        ProgrammeCall call = openCall();

        ResponseEntity<String> blank = post(coordinator(), "/coordination/evenements", session(call.id(), "", " ", "", ""));
        assertThat(blank.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(blank)).contains("role=\"alert\"", "href=\"#heldOn\">Indiquez la date de la session.",
                "href=\"#topic\">Indiquez le thème de la session.",
                "href=\"#scope\">Choisissez un incubateur de l'alliance ou « National ».",
                "href=\"#durationHours\">Indiquez la durée de la session en heures.");

        ResponseEntity<String> wrong = post(coordinator(), "/coordination/evenements",
                session(call.id(), "2027-02-30", "Atelier pitch", "mars", "deux"));
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(wrong)).contains("La date doit être une date valide", "La durée doit être un nombre d'heures, par exemple 2 ou 1,5.",
                "Choisissez un incubateur", "value=\"Atelier pitch\"").doesNotContain("Indiquez le thème");

        ResponseEntity<String> zero = post(coordinator(), "/coordination/evenements",
                session(call.id(), "2027-03-01", "Atelier pitch", "atis", "0"));
        assertThat(text(zero)).contains("La durée doit être supérieure à 0 heure.");
        assertThat(events.list(call.id())).isEmpty();

        assertThat(post(coordinator(), "/coordination/evenements", session("appel-inconnu-" + UUID.randomUUID(), "2027-03-01",
                "Atelier", "atis", "1")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(coordinator().getForEntity("/coordination/evenements?appel=inconnu-" + UUID.randomUUID(), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(coordinator().getForEntity("/coordination/evenements/999999999", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void othersAreForbiddenAnonymousUnauthorizedAndCrossSitePostsRefused() {
        ProgrammeCall call = openCall();
        long id = events.record(call.id(), LocalDate.of(2027, 4, 2), "Atelier", "atis", BigDecimal.ONE, "coordination-1");
        for (String user : List.of("atis-1", "jury-1")) {
            TestRestTemplate client = http.withBasicAuth(user, "demo");
            for (String path : List.of("/coordination/evenements", "/coordination/evenements/" + id)) {
                ResponseEntity<String> page = client.getForEntity(path, String.class);
                assertThat(page.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
            }
            assertThat(post(client, "/coordination/evenements", session(call.id(), "2027-03-01", "Atelier", "atis", "1"))
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(post(client, "/coordination/evenements/" + id + "/supprimer", new LinkedMultiValueMap<>())
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/coordination/evenements", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("Origin", "https://ailleurs.example");
        ResponseEntity<String> crossSite = coordinator().postForEntity("/coordination/evenements/" + id + "/supprimer",
                new HttpEntity<>(new LinkedMultiValueMap<>(), headers), String.class);
        assertThat(crossSite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(events.find(id)).isPresent();
        assertThat(events.list(call.id())).hasSize(1);
    }
}
