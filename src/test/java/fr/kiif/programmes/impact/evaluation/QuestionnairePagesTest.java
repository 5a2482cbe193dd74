package fr.kiif.programmes.impact.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.application.AccessTokens;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.ImpactEvaluations;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.web.PageClient;

/** The laureate's questionnaire pages by private link, on a laureate whose BASELINE evaluation is running. */
class QuestionnairePagesTest extends SpringTestBase {

    @LocalServerPort int port;
    @Autowired CohortFixtures fixtures;
    @Autowired ImpactEvaluations impact;
    @Autowired ImpactEvaluationService service;
    @Autowired AccessTokens tokens;
    @Autowired ApplicationRepository applications;
    @Autowired TaskService taskService;
    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

    @Test
    void pagesPerLevelWithPrefillProgressSavedValidationAndSingleSubmission() {
        String ref = onboardedLaureate();
        String token = tokens.issue(applications.findByReference(ref).orElseThrow().id());
        String base = "/suivi/" + token + "/impact/baseline";

        // The tracking page links the open questionnaire
        assertThat(text(client().get("/suivi/" + token))).contains("Répondre au questionnaire", base);
        assertThat(client().get(base).headers().firstValue("Location").orElseThrow()).endsWith(base + "/1");

        // Page 1: the person; sensitive note; scale and yes/no
        String first = text(client().get(base + "/1"));
        assertThat(first).contains("Étape <span>1</span> sur <span>3</span>", "La personne qui porte le projet",
                "Confiance dans sa capacité", "seules la personne qui vous accompagne et la coordination",
                "Enregistrer et continuer").doesNotContain("Nombre de personnes dans l'équipe");
        HttpResponse<String> invalid = client().postForm(base + "/1", Map.of("founder-confidence", "7", "founder-isolation", "x",
                "founder-paid", "PEUT-ETRE", "action", "suivant"));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(text(invalid)).contains("Choisissez une valeur de 1 à 5.", "Répondez par oui ou par non.");
        assertThat(service.values(impact.evaluation(ref, ImpactPhase.BASELINE))).isEmpty();

        // Page 2 before anything is saved: prefilled from the application (team size 2, funds 15 000)
        String second = text(client().get(base + "/2"));
        assertThat(second).contains("Prérempli d'après votre candidature", "value=\"2\"", "value=\"15000\"");

        HttpResponse<String> saved = client().postForm(base + "/1", Map.of("founder-confidence", "2", "founder-isolation", "4",
                "founder-paid", "NON", "action", "suivant"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith(base + "/2");
        assertThat(impact.evaluation(ref, ImpactPhase.BASELINE).status()).isEqualTo(EvaluationStatus.IN_PROGRESS);

        // Page 2: integer, decimal with a comma, percentage; invalid ones keep what was typed
        Map<String, String> project = new HashMap<>(Map.of("team-size", "2,5", "jobs-fte", "abc", "funds-raised", "-3",
                "own-revenue-share", "150", "people-accompanied", "12", "action", "suivant"));
        HttpResponse<String> wrong = client().postForm(base + "/2", project);
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(text(wrong)).contains("Saisissez un nombre entier", "Saisissez un nombre, avec au plus 4 chiffres",
                "La valeur doit être au moins 0.", "Saisissez un pourcentage entre 0 et 100", "value=\"abc\"");
        project.putAll(Map.of("team-size", "4", "jobs-fte", "1,75", "funds-raised", "20 000", "own-revenue-share", "35,5"));
        assertThat(client().postForm(base + "/2", project).statusCode()).isEqualTo(302);

        // Back to page 1: answers kept
        String again = text(client().get(base + "/1"));
        assertThat(again).containsPattern("value=\"2\"\\s+checked").containsPattern("value=\"NON\"\\s+checked");

        // Page 3: single choice and text; a missing required answer elsewhere blocks the submission
        Map<String, String> territory = new HashMap<>(Map.of("territorial-cooperation", "SOMETIMES",
                "territorial-need", "x".repeat(2001), "action", "envoyer"));
        HttpResponse<String> badChoice = client().postForm(base + "/3", territory);
        assertThat(text(badChoice)).contains("Choisissez une des réponses proposées.", "ne doit pas dépasser 2 000 caractères");
        client().postForm(base + "/1", Map.of("founder-confidence", "", "founder-isolation", "4", "founder-paid", "NON",
                "action", "suivant"));
        territory.putAll(Map.of("territorial-cooperation", "REGULAR", "territorial-need", "Isolement des endeuillés."));
        HttpResponse<String> missing = client().postForm(base + "/3", territory);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(text(missing)).contains("Des réponses obligatoires manquent", "Étape <span>1</span>",
                "Cette question est obligatoire.");
        assertThat(impact.evaluation(ref, ImpactPhase.BASELINE).status()).isEqualTo(EvaluationStatus.IN_PROGRESS);

        client().postForm(base + "/1", Map.of("founder-confidence", "3", "founder-isolation", "4", "founder-paid", "NON",
                "action", "suivant"));
        HttpResponse<String> sent = client().postForm(base + "/3", territory);
        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(sent.headers().firstValue("Location").orElseThrow()).endsWith("/suivi/" + token);
        Evaluation submitted = impact.evaluation(ref, ImpactPhase.BASELINE);
        assertThat(submitted.status()).isEqualTo(EvaluationStatus.SUBMITTED);
        Map<String, StoredValue> values = service.values(submitted);
        assertThat(values.get("funds-raised").number()).isEqualByComparingTo("20000");
        assertThat(values.get("jobs-fte").number()).isEqualByComparingTo("1.75");
        assertThat(values.get("own-revenue-share").number()).isEqualByComparingTo("35.5");
        assertThat(values.get("founder-paid").number()).isEqualByComparingTo("0");
        assertThat(values.get("territorial-cooperation").text()).isEqualTo("REGULAR");
        ProcessInstance pi = impact.instance(ref, ImpactPhase.BASELINE);
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_AssessImpact").count())
                .isEqualTo(1);

        // A second submission is refused and changes nothing
        HttpResponse<String> twice = client().postForm(base + "/3", territory);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(text(twice)).contains("déjà été envoyées");
        assertThat(text(client().get(base + "/1"))).contains("déjà été envoyées").doesNotContain("Envoyer mes réponses");
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
        assertThat(text(client().get("/suivi/" + token))).doesNotContain("Répondre au questionnaire");
    }

    @Test
    void expiredQuestionnaireSaysSoAndInvalidLinksGiveTheFrench404() {
        String ref = onboardedLaureate();
        String token = tokens.issue(applications.findByReference(ref).orElseThrow().id());
        service.startCollection(impact.evaluation(ref, ImpactPhase.BASELINE).id());

        String page = text(client().get("/suivi/" + token + "/impact/baseline/1"));
        assertThat(page).contains("Le délai pour répondre à ce questionnaire est dépassé").doesNotContain("<form");
        assertThat(client().postForm("/suivi/" + token + "/impact/baseline/1", Map.of("founder-confidence", "3")).statusCode())
                .isEqualTo(409);

        for (String path : List.of("/suivi/" + "x".repeat(43) + "/impact/baseline/1", "/suivi/" + token + "/impact/final/1",
                "/suivi/" + token + "/impact/other/1")) {
            HttpResponse<String> response = client().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(text(response)).contains("Ce lien n'est pas valide ou a expiré.");
        }
        // A page number that is not a number: a French page, not the framework's English one.
        HttpResponse<String> garbled = client().get("/suivi/" + token + "/impact/baseline/abc");
        assertThat(garbled.statusCode()).isEqualTo(400);
        assertThat(text(garbled)).contains("Adresse ou demande invalide").doesNotContain("Whitelabel");
    }

    @Test
    void finalQuestionnaireShowsTheEntryValueAsAHint() {
        String ref = onboardedLaureate();
        impact.complete(ref, ImpactPhase.BASELINE);
        // A FINAL evaluation started directly, as cohort-support does after the final review.
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationRef", ref);
        variables.put("callId", applications.findByReference(ref).orElseThrow().callId());
        variables.put("phase", "FINAL");
        variables.put("coachId", "atis-1");
        variables.put("incubatorGroup", "incubator-atis");
        runtimeService.startProcessInstanceByKey("impact-evaluation", ref, variables);
        String token = tokens.issue(applications.findByReference(ref).orElseThrow().id());

        String page = text(client().get("/suivi/" + token + "/impact/final/2"));
        assertThat(page).contains("Votre réponse à l'entrée dans le programme", "3 personnes", "1,5 ETP")
                .doesNotContain("Prérempli");
    }

    private String onboardedLaureate() {
        String ref = fixtures.laureate(fixtures.supportCall(), "33");
        ProcessInstance support = runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(ref).singleResult();
        Map<String, Object> plan = new HashMap<>();
        plan.put("kickoffDate", "2026-03-02");
        plan.put("supportObjectives", "[{\"objective\":\"A\",\"target\":\"a\",\"dueMonth\":1},"
                + "{\"objective\":\"B\",\"target\":\"b\",\"dueMonth\":2},{\"objective\":\"C\",\"target\":\"c\",\"dueMonth\":3}]");
        plan.put("expectedSupportHours", 30);
        taskService.complete(taskService.createTaskQuery().processInstanceId(support.getId()).singleResult().getId(), plan);
        return ref;
    }

    private PageClient client() {
        return new PageClient(port);
    }

    private static String text(HttpResponse<String> response) {
        return HtmlUtils.htmlUnescape(response.body());
    }
}
