package fr.kiif.programmes.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
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
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.impact.evaluation.ImpactDelays;
import fr.kiif.programmes.selection.ConflictOfInterest;
import fr.kiif.programmes.selection.ConflictRegistry;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.web.FrenchDates;

class CoordinationPagesTest extends SpringTestBase {

    @Autowired
    TestRestTemplate http;
    @Autowired
    CallRepository calls;
    @Autowired
    ConflictRegistry conflicts;

    private TestRestTemplate coordinator() {
        return http.withBasicAuth("coordination-1", "demo");
    }

    private static String text(ResponseEntity<String> response) {
        return HtmlUtils.htmlUnescape(response.getBody() == null ? "" : response.getBody());
    }

    /** The page's text without tags. */
    private static String plain(ResponseEntity<String> response) {
        return text(response).replaceAll("<[^>]+>", "");
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

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, FrenchDates.PARIS).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** A complete "Nouvel appel" form, opening tomorrow. */
    private static MultiValueMap<String, String> callForm(String id) {
        Instant opensAt = Instant.now().plus(Duration.ofDays(1));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("id", id);
        form.add("programmeId", "fin-de-vie");
        form.add("title", "Appel de la page " + id);
        form.add("description", "Un appel créé depuis l'espace coordination.");
        form.add("opensAt", local(opensAt));
        form.add("closesAt", local(opensAt.plus(Duration.ofDays(30))));
        form.add("incubators", "atis");
        form.add("incubators", "adress");
        form.add("quotas[atis]", "2");
        form.add("quotas[adress]", "1");
        form.add("quotas[ronalpia]", "");
        form.add("cohortSize", "3");
        form.add("waitlistSize", "2");
        for (String code : List.of("socialImpact", "innovation", "team", "economicModel", "themeFit", "scaling")) {
            form.add("criteriaWeights[" + code + "]", "2");
        }
        form.add("territorialReviewers", "2");
        form.add("crossReviewers", "1");
        form.add("reviewDeadline", "PT10M");
        form.add("reviewReminderBefore", "PT2M");
        form.add("escalationAfter", "7");
        form.add("completionDelay", "14");
        form.add("eligibilityCheckDelay", "10");
        form.add("promotionWindow", "60");
        form.add("supportDuration", "270");
        form.add("checkInEvery", "28");
        form.add("impactReminderAfter", "5");
        form.add("impactResponseDelay", "P30D");
        form.add("impactCollectionDelay", "10");
        form.add("impactAssessmentDelay", "PT12H");
        form.add("_blindReview", "on");
        form.add("juryMembers", "jury-1, jury-2");
        form.add("acceptedLegalForms", "ASSOCIATION");
        form.add("acceptedStages", "IDEA");
        form.add("acceptedStages", "LAUNCH");
        return form;
    }

    private static String uniqueId() {
        return "page-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void coordinatorSeesTheCallsAndTheNewCallForm() {
        ResponseEntity<String> list = coordinator().getForEntity("/coordination/appels", String.class);

        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(list.getBody()).contains("<html lang=\"fr\"", "/css/kiif.css");
        assertThat(text(list)).contains("Appels à candidatures", "Nouvel appel", "fin-de-vie-2026", "Conflits d'intérêts");

        ResponseEntity<String> form = coordinator().getForEntity("/coordination/appels/nouveau", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(form)).contains("Nouvel appel", "Impact social", "Potentiel d'essaimage", "Quota de lauréats",
                "Membres du jury", "un nombre de jours", "name=\"quotas[atis]\"", "name=\"criteriaWeights[team]\"");
    }

    @Test
    void newCallFromThePageIsStoredAsADraft() {
        String id = uniqueId();

        ResponseEntity<String> response = post(coordinator(), "/coordination/appels", callForm(id));

        assertThat(plain(afterRedirect(response))).contains("L'appel " + id + " a été enregistré.");
        assertThat(calls.status(id)).isEqualTo(CallStatus.DRAFT);
        ProgrammeCall call = calls.findById(id).orElseThrow();
        assertThat(call.completionDelay()).isEqualTo(Duration.ofDays(14));
        assertThat(call.acceptedStages()).extracting(Enum::name).containsExactlyInAnyOrder("IDEA", "LAUNCH");
        SelectionSettings settings = calls.selectionSettings(id);
        assertThat(settings.quotas()).isEqualTo(Map.of("atis", 2, "adress", 1));
        assertThat(settings.reviewDeadline()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.escalationAfter()).isEqualTo(Duration.ofDays(7));
        assertThat(settings.juryMembers()).containsExactly("jury-1", "jury-2");
        assertThat(settings.blindReview()).isFalse();
        assertThat(calls.impactDelays(id)).isEqualTo(new ImpactDelays(Duration.ofDays(5), Duration.ofDays(30),
                Duration.ofDays(10), Duration.ofHours(12)));

        assertThat(plain(coordinator().getForEntity("/coordination/appels?cree=" + id, String.class)))
                .contains("L'appel " + id + " a été enregistré.", "Appel de la page " + id, "Brouillon");
    }

    @Test
    void invalidFormIsShownAgainWithFrenchErrors() {
        String id = uniqueId();
        MultiValueMap<String, String> form = callForm(id);
        form.set("title", "");
        form.set("cohortSize", "trois");
        form.set("quotas[atis]", "-1");
        form.set("reviewDeadline", "bientôt");
        form.set("impactReminderAfter", "40");

        ResponseEntity<String> response = post(coordinator(), "/coordination/appels", form);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(response)).contains("La configuration contient des erreurs", "Le titre est obligatoire.",
                "Nombre entier attendu.", "Le quota de Atis doit être un nombre positif ou nul.",
                "Durée ISO-8601 attendue", "value=\"" + id + "\"",
                "Le rappel du questionnaire d'impact doit partir avant la fin du délai de réponse");
        assertThat(text(response)).doesNotContain("La taille de la promotion est obligatoire.");
        assertThat(calls.exists(id)).isFalse();
    }

    @Test
    void callIsEditedBeforeOpeningThenPublishedAfterConfirmation() {
        String id = uniqueId();
        post(coordinator(), "/coordination/appels", callForm(id));

        ResponseEntity<String> edit = coordinator().getForEntity("/coordination/appels/" + id + "/modifier", String.class);
        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(edit)).contains("Modifier l'appel " + id, "value=\"Appel de la page " + id + "\"",
                "value=\"PT10M\"", "value=\"14\"", "value=\"jury-1, jury-2\"", "Questionnaires d'impact",
                "name=\"impactReminderAfter\" value=\"5\"", "name=\"impactResponseDelay\" value=\"30\"",
                "name=\"impactAssessmentDelay\" value=\"PT12H\"");

        MultiValueMap<String, String> changed = callForm(id);
        changed.set("title", "Titre modifié " + id);
        changed.set("blindReview", "true");
        ResponseEntity<String> saved = post(coordinator(), "/coordination/appels/" + id, changed);
        assertThat(plain(afterRedirect(saved))).contains("La configuration de l'appel " + id + " a été modifiée.");
        assertThat(calls.findById(id).orElseThrow().title()).isEqualTo("Titre modifié " + id);
        assertThat(calls.selectionSettings(id).blindReview()).isTrue();

        ResponseEntity<String> confirm = coordinator().getForEntity("/coordination/appels/" + id + "/publier", String.class);
        assertThat(confirm.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(plain(confirm)).contains("Publier l'appel Titre modifié " + id, "Confirmer la publication");
        assertThat(calls.status(id)).isEqualTo(CallStatus.DRAFT);

        ResponseEntity<String> published = post(coordinator(), "/coordination/appels/" + id + "/publier", new LinkedMultiValueMap<>());
        assertThat(plain(afterRedirect(published))).contains("L'appel " + id + " est publié.");
        assertThat(calls.status(id)).isEqualTo(CallStatus.PUBLISHED);
        assertThat(plain(coordinator().getForEntity("/coordination/appels?publie=" + id, String.class)))
                .contains("L'appel " + id + " est publié.");
    }

    @Test
    void openedCallCannotBeEdited() {
        String id = uniqueId();
        MultiValueMap<String, String> form = callForm(id);
        form.set("opensAt", local(Instant.now().minus(Duration.ofHours(1))));
        post(coordinator(), "/coordination/appels", form);
        assertThat(calls.exists(id)).isTrue();

        ResponseEntity<String> edit = coordinator().getForEntity("/coordination/appels/" + id + "/modifier", String.class);
        assertThat(edit.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(text(edit)).contains("Cet appel est déjà ouvert : sa configuration ne peut plus être modifiée.");

        form.set("title", "Trop tard");
        assertThat(post(coordinator(), "/coordination/appels/" + id, form).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(calls.findById(id).orElseThrow().title()).isEqualTo("Appel de la page " + id);
    }

    @Test
    void othersAreForbiddenAndAnonymousUnauthorized() {
        for (String user : List.of("atis-1", "jury-1")) {
            TestRestTemplate client = http.withBasicAuth(user, "demo");
            for (String path : List.of("/coordination/appels", "/coordination/appels/nouveau", "/coordination/conflits",
                    "/coordination/appels/fin-de-vie-2026/modifier", "/coordination/appels/fin-de-vie-2026/publier")) {
                ResponseEntity<String> page = client.getForEntity(path, String.class);
                assertThat(page.getStatusCode()).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(text(page)).contains("Accès refusé");
            }
            String id = uniqueId();
            assertThat(post(client, "/coordination/appels", callForm(id)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(calls.exists(id)).isFalse();
        }
        assertThat(http.getForEntity("/coordination/appels", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/coordination/conflits", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void crossSitePostIsRefused() {
        String id = uniqueId();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.set("Origin", "https://ailleurs.example");

        ResponseEntity<String> response = coordinator().postForEntity("/coordination/appels",
                new HttpEntity<>(callForm(id), headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(calls.exists(id)).isFalse();
    }

    @Test
    void conflictIsDeclaredListedAndRemoved() {
        String organisation = "Structure " + UUID.randomUUID();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("userId", "atis-2");
        form.add("organisationName", organisation);
        form.add("siret", "732 829 320 00074");
        form.add("reason", "Administratrice de la structure.");

        ResponseEntity<String> added = post(coordinator(), "/coordination/conflits", form);

        assertThat(plain(afterRedirect(added))).contains("Le conflit d'intérêts a été enregistré.");
        ConflictOfInterest conflict = conflicts.list().stream().filter(c -> c.organisationName().equals(organisation))
                .findFirst().orElseThrow();
        assertThat(conflict.userId()).isEqualTo("atis-2");
        assertThat(conflict.siret()).isEqualTo("73282932000074");
        assertThat(conflict.declaredBy()).isEqualTo("coordination-1");
        assertThat(conflicts.hasConflict("atis-2", organisation.toUpperCase(), null)).isTrue();
        assertThat(conflicts.hasConflict("atis-2", "Autre", "73282932000074")).isTrue();
        assertThat(conflicts.hasConflict("atis-1", organisation, null)).isFalse();

        String page = text(coordinator().getForEntity("/coordination/conflits?ajoute", String.class));
        assertThat(page).contains("Le conflit d'intérêts a été enregistré.", organisation, "Administratrice de la structure.",
                "atis-2", "coordination-1");

        ResponseEntity<String> removed = post(coordinator(), "/coordination/conflits/" + conflict.id() + "/supprimer",
                new LinkedMultiValueMap<>());
        assertThat(plain(afterRedirect(removed))).contains("Le conflit d'intérêts a été supprimé.");
        assertThat(conflicts.list()).noneMatch(c -> c.id() == conflict.id());
    }

    @Test
    void badConflictDeclarationsAreRefused() {
        String organisation = "Structure " + UUID.randomUUID();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("userId", "atis-1");
        form.add("organisationName", organisation);
        form.add("siret", "73282932000075");

        ResponseEntity<String> badSiret = post(coordinator(), "/coordination/conflits", form);

        assertThat(badSiret.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(badSiret)).contains("Le numéro SIRET doit comporter 14 chiffres et être valide.", organisation);

        form.set("siret", "");
        form.set("userId", "jury-1");
        ResponseEntity<String> notStaff = post(coordinator(), "/coordination/conflits", form);
        assertThat(notStaff.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(notStaff)).contains("Cette personne ne fait partie de l'équipe d'aucun incubateur.");

        form.set("userId", "atis-1");
        form.set("organisationName", " ");
        assertThat(text(post(coordinator(), "/coordination/conflits", form))).contains("Indiquez le nom de la structure.");

        assertThat(conflicts.list()).noneMatch(c -> c.organisationName().equals(organisation));
        form.set("organisationName", organisation);
        assertThat(post(http.withBasicAuth("atis-1", "demo"), "/coordination/conflits", form).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(conflicts.list()).noneMatch(c -> c.organisationName().equals(organisation));
    }
}
