package fr.kiif.programmes.impact.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;

import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.ImpactEvaluations;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * "/incubateur/impact/{ref}/{phase}": a laureate's answers for incubator staff (sensitive ones for the coach and the
 * coordination only), and the coach's entry form once the questionnaire expired.
 */
class StaffEvaluationPageTest extends SpringTestBase {

    static final String HIDDEN = "Réservé à la personne qui accompagne et à la coordination";
    static final String ISOLATION = "Sentiment d'isolement dans le projet";
    static final String TEAM = "Nombre de personnes dans l'équipe";
    static final String FTE = "Emplois salariés en équivalent temps plein";

    @Autowired CohortFixtures fixtures;
    @Autowired ImpactEvaluations impact;
    @Autowired ImpactEvaluationService service;
    @Autowired TestRestTemplate http;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void finalAnswersBesideTheEntryValuesSensitiveOnlyForTheCoachAndTheCoordination() {
        String ref = onboardedLaureate();
        impact.complete(ref, ImpactPhase.BASELINE);
        String coach = coach(ref);
        startFinal(ref, coach);
        Evaluation fin = impact.evaluation(ref, ImpactPhase.FINAL);
        Map<String, String> answers = new HashMap<>(impact.validAnswers(fin));
        answers.putAll(Map.of("team-size", "7", "jobs-fte", "2,25", "founder-isolation", "5"));
        assertThat(service.saveByLaureate(fin, service.indicators(fin), answers)).isEmpty();
        assertThat(service.submitByLaureate(impact.evaluation(ref, ImpactPhase.FINAL), ref)).isEmpty();
        String page = "/incubateur/impact/" + ref + "/final";

        // The coach: every answer, the entry value beside it, no form (the laureate answered)
        ResponseEntity<String> coachPage = staff(coach).getForEntity(page, String.class);
        assertThat(coachPage.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(coachPage)).contains("Mesure finale", ref, "Réponses envoyées par le lauréat, à apprécier",
                "envoyées par le lauréat").doesNotContain(HIDDEN).doesNotContain("Enregistrer les réponses");
        assertThat(text(coachPage)).containsPattern(row(TEAM, "7 personnes", "3 personnes"))
                .containsPattern(row(FTE, "2,25 ETP", "1,5 ETP")).containsPattern(row(ISOLATION, "5 / 5", "3 / 5"));

        // Another member of the same incubator: the page, without the sensitive answers (nor their entry values)
        ResponseEntity<String> colleague = staff(otherAtis(coach)).getForEntity(page, String.class);
        assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(colleague)).containsPattern(row(TEAM, "7 personnes", "3 personnes"))
                .containsPattern(row(ISOLATION, HIDDEN, "—")).doesNotContain("5 / 5");

        // The coordination: everything
        ResponseEntity<String> coordination = staff("coordination-1").getForEntity(page, String.class);
        assertThat(coordination.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(text(coordination)).containsPattern(row(ISOLATION, "5 / 5", "3 / 5")).doesNotContain(HIDDEN);

        // The answers were sent by the laureate: no entry by the coach, nothing changes
        Map<String, String> overwrite = new HashMap<>(answers);
        overwrite.put("team-size", "99");
        ResponseEntity<String> refusedOverwrite = post(staff(coach), page, overwrite);
        assertThat(refusedOverwrite.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(text(refusedOverwrite)).contains("une fois le questionnaire expiré");
        assertThat(service.values(fin).get("team-size").number()).isEqualByComparingTo("7");
        assertThat(impact.evaluation(ref, ImpactPhase.FINAL).status()).isEqualTo(EvaluationStatus.SUBMITTED);
    }

    @Test
    void othersAreRefused() {
        String ref = onboardedLaureate();
        String page = "/incubateur/impact/" + ref + "/baseline";
        assertThat(staff(coach(ref)).getForEntity(page, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        // Staff of another incubator, a juror, anonymous callers, unknown users
        assertThat(staff("ronalpia-1").getForEntity(page, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(staff("jury-1").getForEntity(page, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(page, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("personne-inconnue", "demo").getForEntity(page, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        // Unknown laureate or phase
        assertThat(staff("coordination-1").getForEntity("/incubateur/impact/KIIF-INCONNU/baseline", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(staff(coach(ref)).getForEntity("/incubateur/impact/" + ref + "/autre", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(staff(coach(ref)).getForEntity("/incubateur/impact/" + ref + "/final", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void expiredQuestionnaireIsEnteredByTheCoachThenTheProcessGoesOnToTheAssessment() {
        String ref = onboardedLaureate();
        String coach = coach(ref);
        String colleague = otherAtis(coach);
        String page = "/incubateur/impact/" + ref + "/baseline";
        ProcessInstance pi = impact.instance(ref, ImpactPhase.BASELINE);
        Evaluation before = impact.evaluation(ref, ImpactPhase.BASELINE);
        // The laureate saved one answer, then nothing.
        assertThat(service.saveByLaureate(before, service.indicators(before), Map.of("founder-confidence", "2"))).isEmpty();
        Map<String, String> valid = new LinkedHashMap<>(impact.validAnswers(before));
        valid.putAll(Map.of("team-size", "12", "jobs-fte", "2,5", "founder-isolation", "4", "own-revenue-share", "35,5"));

        // Before expiry: no entry form, a post is refused and changes nothing
        assertThat(text(staff(coach).getForEntity(page, String.class))).doesNotContain("Enregistrer les réponses");
        ResponseEntity<String> refusedValid = post(staff(coach), page, valid);
        assertThat(refusedValid.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(text(refusedValid)).contains("une fois le questionnaire expiré");
        assertThat(storedValues(ref)).containsOnlyKeys("founder-confidence");

        fire(pi, "Timer_QuestionnaireExpired");
        assertThat(impact.evaluation(ref, ImpactPhase.BASELINE).status()).isEqualTo(EvaluationStatus.COLLECTING);
        assertThat(pi).isWaitingAt("UserTask_CollectImpactAnswers");

        // The coach gets the form, the laureate's saved answer in it; a colleague only reads
        String form = text(staff(coach).getForEntity(page, String.class));
        assertThat(form).contains("Délai dépassé : réponses à recueillir par le coach", "Enregistrer les réponses",
                "action=\"" + page + "\"").containsPattern("value=\"2\"\\s+checked");
        String readOnly = text(staff(colleague).getForEntity(page, String.class));
        assertThat(readOnly).contains("Délai dépassé").doesNotContain("Enregistrer les réponses")
                .containsPattern(row(ISOLATION, HIDDEN, "—"));

        // Refused: a colleague, another incubator, a juror, anonymous, a cross-site post with the coach's credentials
        assertThat(post(staff(colleague), page, valid).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(staff("ronalpia-1"), page, valid).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(staff("jury-1"), page, valid).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(http, page, valid).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        HttpHeaders foreign = formHeaders();
        foreign.set("Origin", "https://ailleurs.example");
        assertThat(staff(coach).postForEntity(page, new HttpEntity<>(form(valid), foreign), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(storedValues(ref)).containsOnlyKeys("founder-confidence");

        // Invalid answers: French errors beside the fields, what was typed kept, nothing stored
        Map<String, String> invalid = new LinkedHashMap<>(valid);
        invalid.putAll(Map.of("team-size", "2,5", "own-revenue-share", "120", "founder-isolation", "x"));
        ResponseEntity<String> wrong = post(staff(coach), page, invalid);
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text(wrong)).contains("Erreur : Mesure d'impact", "Les réponses n'ont pas été enregistrées",
                TEAM + " : Saisissez un nombre entier", "Saisissez un pourcentage entre 0 et 100",
                ISOLATION + " : Choisissez une valeur de 1 à 5.", "value=\"2,5\"", "value=\"120\"");
        assertThat(storedValues(ref)).containsOnlyKeys("founder-confidence");
        assertThat(storedValues(ref).get("founder-confidence")).isEqualByComparingTo("2");

        // Valid answers: stored, the page says so; the evaluation waits for the collection task
        ResponseEntity<String> saved = post(staff(coach).withRedirects(Redirects.DONT_FOLLOW), page, valid);
        assertThat(saved.getStatusCode()).as(text(saved)).isEqualTo(HttpStatus.FOUND);
        assertThat(saved.getHeaders().getLocation().getPath()).isEqualTo(page);
        assertThat(text(followWithSession(coach, saved))).contains("Réponses enregistrées", "Recueillir les réponses")
                .contains("value=\"12\"", "value=\"2,5\"");
        Map<String, BigDecimal> stored = storedValues(ref);
        assertThat(stored).hasSize((int) service.indicators(before).stream().filter(i -> i.type().numeric()).count());
        assertThat(stored.get("team-size")).isEqualByComparingTo("12");
        assertThat(stored.get("jobs-fte")).isEqualByComparingTo("2.5");
        assertThat(stored.get("founder-isolation")).isEqualByComparingTo("4");
        assertThat(stored.get("own-revenue-share")).isEqualByComparingTo("35.5");
        assertThat(stored.get("founder-confidence")).isEqualByComparingTo("3");
        assertThat(storedTexts(ref)).containsEntry("territorial-cooperation", valid.get("territorial-cooperation"))
                .containsEntry("territorial-need", "Une réponse.");
        assertThat(impact.evaluation(ref, ImpactPhase.BASELINE).status()).isEqualTo(EvaluationStatus.COLLECTING);

        // The coach completes "Recueillir les réponses": ENTERED by the coach, on to the assessment
        Task collect = taskService.createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey("UserTask_CollectImpactAnswers").singleResult();
        taskService.complete(collect.getId(), Map.of("answersEntered", true));
        Evaluation entered = impact.evaluation(ref, ImpactPhase.BASELINE);
        assertThat(entered.status()).isEqualTo(EvaluationStatus.ENTERED);
        assertThat(entered.submittedBy()).isEqualTo("COACH");
        assertThat(pi).hasPassed("UserTask_CollectImpactAnswers").isWaitingAt("UserTask_AssessImpact");
        assertThat(text(staff(coach).getForEntity(page, String.class))).contains("Réponses saisies par le coach, à apprécier",
                "recueillies et saisies par le coach").doesNotContain("Enregistrer les réponses")
                .containsPattern(row(TEAM, "12 personnes", "—"));

        // No longer COLLECTING: a post is refused and changes nothing
        Map<String, String> later = new LinkedHashMap<>(valid);
        later.put("team-size", "40");
        ResponseEntity<String> refusedLater = post(staff(coach), page, later);
        assertThat(refusedLater.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(text(refusedLater)).contains("une fois le questionnaire expiré");
        assertThat(storedValues(ref)).isEqualTo(stored);
        assertThat(impact.evaluation(ref, ImpactPhase.BASELINE).status()).isEqualTo(EvaluationStatus.ENTERED);
    }

    // ---- helpers

    private String onboardedLaureate() {
        String ref = fixtures.laureate(fixtures.supportCall(), "33");
        Map<String, Object> plan = new HashMap<>();
        plan.put("kickoffDate", "2026-03-02");
        plan.put("supportObjectives", "[{\"objective\":\"A\",\"target\":\"a\",\"dueMonth\":1},"
                + "{\"objective\":\"B\",\"target\":\"b\",\"dueMonth\":2},{\"objective\":\"C\",\"target\":\"c\",\"dueMonth\":3}]");
        plan.put("expectedSupportHours", 30);
        ProcessInstance support = support(ref);
        taskService.complete(taskService.createTaskQuery().processInstanceId(support.getId())
                .taskDefinitionKey("UserTask_Onboarding").singleResult().getId(), plan);
        return ref;
    }

    /** The FINAL evaluation, started with the variables cohort-support's call activity passes after the final review. */
    private void startFinal(String ref, String coach) {
        ProcessInstance support = support(ref);
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicationRef", ref);
        variables.put("callId", runtimeService.getVariable(support.getId(), "callId"));
        variables.put("phase", "FINAL");
        variables.put("coachId", coach);
        variables.put("incubatorGroup", runtimeService.getVariable(support.getId(), "incubatorGroup"));
        runtimeService.startProcessInstanceByKey("impact-evaluation", ref, variables);
    }

    private ProcessInstance support(String ref) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(ref).singleResult();
    }

    private String coach(String ref) {
        return jdbc.sql("select s.coach_id from laureate_support s join application a on a.id = s.application_id "
                + "where a.reference = ?").param(ref).query(String.class).single();
    }

    private static String otherAtis(String coach) {
        assertThat(coach).isIn("atis-1", "atis-2");
        return coach.equals("atis-1") ? "atis-2" : "atis-1";
    }

    private Map<String, BigDecimal> storedValues(String ref) {
        Map<String, BigDecimal> values = new HashMap<>();
        jdbc.sql("select v.indicator_id, v.value_number from impact_value v join impact_evaluation e on e.id = v.evaluation_id "
                + "join application a on a.id = e.application_id where a.reference = ? and e.phase = 'BASELINE' "
                + "and v.value_number is not null").param(ref)
                .query((rs, n) -> values.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
        return values;
    }

    private Map<String, String> storedTexts(String ref) {
        Map<String, String> values = new HashMap<>();
        jdbc.sql("select v.indicator_id, v.value_text from impact_value v join impact_evaluation e on e.id = v.evaluation_id "
                + "join application a on a.id = e.application_id where a.reference = ? and e.phase = 'BASELINE' "
                + "and v.value_text is not null").param(ref)
                .query((rs, n) -> values.put(rs.getString(1), rs.getString(2))).list();
        return values;
    }

    /** Executes the earliest timer of the activity, the engine clock moved past its due date. */
    private void fire(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().list().stream()
                .min(Comparator.comparing(Job::getDuedate)).orElseThrow(() -> new AssertionError("No timer " + activityId));
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        }
        managementService.executeJob(job.getId());
    }

    /** One table row of the read-only view: indicator, answer, entry value. */
    private static Pattern row(String label, String answer, String baseline) {
        return Pattern.compile("<td>" + Pattern.quote(label) + "</td>\\s*<td>" + Pattern.quote(answer) + "</td>\\s*<td>"
                + Pattern.quote(baseline) + "</td>");
    }

    private TestRestTemplate staff(String user) {
        return http.withBasicAuth(user, "demo");
    }

    private static String text(ResponseEntity<String> response) {
        return HtmlUtils.htmlUnescape(response.getBody() == null ? "" : response.getBody());
    }

    /** The page after the post's redirect, in the same session (the confirmation is a flash attribute). */
    private ResponseEntity<String> followWithSession(String user, ResponseEntity<String> redirect) {
        HttpHeaders headers = new HttpHeaders();
        List<String> cookies = redirect.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
        cookies.forEach(c -> headers.add(HttpHeaders.COOKIE, c.split(";", 2)[0]));
        ResponseEntity<String> page = staff(user).exchange(redirect.getHeaders().getLocation(), HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page;
    }

    private static HttpHeaders formHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return headers;
    }

    private static MultiValueMap<String, String> form(Map<String, String> values) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        values.forEach(form::add);
        return form;
    }

    private static ResponseEntity<String> post(TestRestTemplate client, String path, Map<String, String> values) {
        return client.postForEntity(path, new HttpEntity<>(form(values), formHeaders()), String.class);
    }
}
