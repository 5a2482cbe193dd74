package fr.kiif.programmes.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.impact.evaluation.ImpactEvaluationService;
import fr.kiif.programmes.support.EngineSteps;
import fr.kiif.programmes.support.ImpactEvaluations;
import fr.kiif.programmes.support.JourneyMails;
import fr.kiif.programmes.support.PostgresTestBase;
import fr.kiif.programmes.support.SelectionJourney;
import fr.kiif.programmes.support.SelectionJourney.Cohort;
import fr.kiif.programmes.web.PageClient;
import jakarta.mail.internet.MimeMessage;

/**
 * Impact evaluation on a real PostgreSQL, from onboarding to the validated call report: three laureates
 * of one incubator answer their entry, mid-term and final questionnaires through the private links of
 * their emails (GreenMail), their coach assesses each phase in the engine REST API (one final value
 * flagged implausible), the call consolidates when the last support ends, the coordination validates
 * the report, and the report's PDF text carries the hand-computed figures.
 */
class ImpactPostgresJourneyTest extends PostgresTestBase {

    private static final String INCUBATOR = "atis";
    /** Entry and final answers of the three laureates to two numeric indicators. */
    private static final int[] CONFIDENCE_BASELINE = {2, 3, 4};
    private static final int[] CONFIDENCE_FINAL = {4, 4, 5};
    private static final int[] PEOPLE_BASELINE = {10, 20, 30};
    private static final int[] PEOPLE_FINAL = {25, 35, 45};

    @Autowired SelectionJourney selection;
    @Autowired EngineSteps engine;
    @Autowired RuntimeService runtimeService;
    @Autowired ImpactEvaluationService evaluations;
    @Autowired ImpactEvaluations impact;
    @Autowired JourneyMails mails;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired TestRestTemplate http;
    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void threeLaureatesFromOnboardingToTheValidatedCallReport() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        Cohort cohort = selection.selectCohort(INCUBATOR, "33", 3, "P90D", "P30D");
        List<String> refs = cohort.references();
        List<String> supports = new ArrayList<>();
        List<String> coaches = new ArrayList<>();
        for (String ref : refs) {
            String pi = engine.instance("cohort-support", ref).getId();
            engine.executeJobs(pi);
            Task onboarding = engine.task(pi, "UserTask_Onboarding");
            engine.completeOk(onboarding.getAssignee(), onboarding.getId(), plan());
            engine.executeJobs(pi);
            supports.add(pi);
            coaches.add(onboarding.getAssignee());
        }

        // --- Entry: each laureate answers through the link of the email, page by page; the coach assesses.
        for (int i = 0; i < 3; i++) {
            answerThroughTheEmailLink(cohort, i, ImpactPhase.BASELINE,
                    Map.of("founder-confidence", "" + CONFIDENCE_BASELINE[i], "people-accompanied", "" + PEOPLE_BASELINE[i]));
            assess(refs.get(i), coaches.get(i), ImpactPhase.BASELINE, List.of());
        }
        assertThat(statuses(cohort.callId(), "BASELINE")).containsOnly("ASSESSED").hasSize(3);
        // Check-ins were not held back by the entry measurement.
        supports.forEach(pi -> assertThat(runtimeService.getVariable(pi, "checkInCycle")).isNotNull());

        // --- Mid-term review, and the mid-term questionnaire the set asks for.
        for (int i = 0; i < 3; i++) {
            engine.fire(supports.get(i), "Timer_MidTerm");
            Task midTerm = engine.task(supports.get(i), "UserTask_MidTermReview");
            engine.completeOk(coaches.get(i), midTerm.getId(), Map.of("continueSupport", EngineSteps.value(true),
                    "midTermSummary", EngineSteps.value("Le projet avance.")));
            engine.executeJobs(supports.get(i));
            answerThroughTheEmailLink(cohort, i, ImpactPhase.MIDTERM, Map.of());
            assess(refs.get(i), coaches.get(i), ImpactPhase.MIDTERM, List.of());
        }

        // --- End of support: final review, final questionnaire; the third laureate's jobs value is flagged.
        for (int i = 0; i < 3; i++) {
            engine.fire(supports.get(i), "Timer_SupportEnd");
            Task finalReview = engine.task(supports.get(i), "UserTask_FinalReview");
            engine.completeOk(coaches.get(i), finalReview.getId(), Map.of(
                    "finalSummary", EngineSteps.value("Bilan positif."),
                    "objectivesReached", engine.jsonValue(List.of(Map.of("reached", true), Map.of("reached", true),
                            Map.of("reached", false, "comment", "Reporté")))));
            engine.executeJobs(supports.get(i));
            answerThroughTheEmailLink(cohort, i, ImpactPhase.FINAL,
                    Map.of("founder-confidence", "" + CONFIDENCE_FINAL[i], "people-accompanied", "" + PEOPLE_FINAL[i],
                            "jobs-fte", i == 2 ? "950" : "2"));
            assess(refs.get(i), coaches.get(i), ImpactPhase.FINAL, i == 2 ? List.of("jobs-fte") : List.of());
            engine.executeJobs(supports.get(i));
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(supports.get(i)).count())
                    .as("support of " + refs.get(i)).isZero();
        }

        // --- The last support ended: the call consolidates and asks the coordination to validate.
        engine.executeJobs(cohort.callProcessInstanceId());
        Task validate = engine.task(cohort.callProcessInstanceId(), "UserTask_ValidateImpactReport");
        assertThat(jdbc.sql("select count(*) from impact_report where call_id = ?").param(cohort.callId()).query(Integer.class)
                .single()).isOne();
        ResponseEntity<String> early = http.getForEntity("/donnees-ouvertes/impact/" + cohort.callId() + ".csv", String.class);
        assertThat(early.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        engine.completeOk("coordination-1", validate.getId(), Map.of("impactReportDecision", EngineSteps.value("VALIDATE"),
                "impactValidationComment", EngineSteps.value("Rapport conforme.")));
        engine.executeJobs(cohort.callProcessInstanceId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(cohort.callProcessInstanceId()).count()).isZero();
        assertThat(jdbc.sql("select status from programme_call where id = ?").param(cohort.callId()).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(jdbc.sql("select validated_by from impact_report where call_id = ?").param(cohort.callId())
                .query(String.class).single()).isEqualTo("coordination-1");

        // --- The report's PDF: confidence 2,3,4 → 4,4,5 (means 3 → 4,33, change +1,33); people accompanied
        // 10,20,30 → 25,35,45 (totals 60 → 105, change +15); jobs 1,5 ×3 → 2, 2 and a flagged 950.
        ResponseEntity<byte[]> pdf = http.withBasicAuth("coordination-1", "demo")
                .getForEntity("/coordination/appels/" + cohort.callId() + "/impact/rapport.pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        String text;
        try (PDDocument document = PDDocument.load(pdf.getBody())) {
            text = new PDFTextStripper().getText(document);
        }
        String flat = text.replaceAll("\\s+", " ");
        assertThat(flat).contains("Validé le").contains("par coordination-1").contains("Rapport conforme.")
                .contains("Confiance dans sa capacité à mener le projet 3 / 3 moyenne 3 moyenne 4,33 +1,33 (3 lauréats)")
                .contains("Personnes en fin de vie ou endeuillées accompagnées")
                .contains("total 60 personnes").contains("total 105 personnes").contains("+15 (3 lauréats)")
                // 950 ETP was flagged: left out of the final figures and counted as discarded.
                .contains("3 / 2 moyenne 1,5 ETP · total 4,5 ETP moyenne 2 ETP · total 4 ETP +0,5 (2 lauréats) 1")
                .contains("Contribution de l'accompagnement selon les coachs : 4 sur 5 (3 avis)");
        assertThat(text).doesNotContain(refs.get(0)).doesNotContain("Structure du parcours");
        // Staff of another incubator get no PDF; the open data is public now that the report is validated.
        assertThat(http.withBasicAuth("ronalpia-1", "demo")
                .getForEntity("/coordination/appels/" + cohort.callId() + "/impact/rapport.pdf", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> openData = http.getForEntity("/donnees-ouvertes/impact/" + cohort.callId() + ".csv", String.class);
        assertThat(openData.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(openData.getBody()).contains("people-accompanied").doesNotContain("@example.org").doesNotContain(refs.get(0));
    }

    /** Follows the questionnaire email's link and answers every page, with {@code overrides} where given. */
    private void answerThroughTheEmailLink(Cohort cohort, int laureate, ImpactPhase phase, Map<String, String> overrides) {
        String ref = cohort.references().get(laureate);
        engine.executeJobs(impactInstance(ref, phase));
        String link = questionnaireLink(cohort.emails().get(laureate), ref, phase);
        Map<String, String> answers = new LinkedHashMap<>(impact.validAnswers(impact.evaluation(ref, phase)));
        answers.putAll(overrides);
        PageClient browser = new PageClient(port);
        HttpResponse<String> first = browser.follow(browser.get(link));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        int pages = evaluations.levels(impact.evaluation(ref, phase)).size();
        for (int page = 1; page <= pages; page++) {
            Map<String, String> form = new LinkedHashMap<>(answers);
            form.put("action", page == pages ? "envoyer" : "suivant");
            HttpResponse<String> saved = browser.postForm(link + "/" + page, form);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        }
        engine.executeJobs(impactInstance(ref, phase));
    }

    private void assess(String ref, String coach, ImpactPhase phase, List<String> implausible) {
        String pi = impactInstance(ref, phase);
        Task assessment = engine.task(pi, "UserTask_AssessImpact");
        assertThat(assessment.getAssignee()).isEqualTo(coach);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("contributionAssessment", EngineSteps.value("4"));
        variables.put("assessmentComment", EngineSteps.value("L'accompagnement a aidé."));
        variables.put("implausibleIndicators", engine.jsonValue(implausible));
        if (!implausible.isEmpty()) {
            variables.put("implausibleNote", EngineSteps.value("950 ETP : sans doute une faute de frappe."));
        }
        engine.completeOk(coach, assessment.getId(), variables);
        engine.executeJobs(pi);
    }

    /** The private link of the latest questionnaire email of this phase, sent through SMTP. */
    private String questionnaireLink(String email, String ref, ImpactPhase phase) {
        mails.sendDue();
        List<MimeMessage> questionnaires = JourneyMails.to(email).stream()
                .filter(m -> JourneyMails.subject(m).contains("questionnaire d'impact")).toList();
        assertThat(questionnaires).as("questionnaire mails of " + ref).isNotEmpty();
        Matcher matcher = Pattern.compile("https?://\\S+(/suivi/\\S+/impact/" + phase.name().toLowerCase() + ")")
                .matcher(JourneyMails.body(questionnaires.get(questionnaires.size() - 1)));
        assertThat(matcher.find()).as("link of " + phase).isTrue();
        return matcher.group(1);
    }

    private String impactInstance(String ref, ImpactPhase phase) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("impact-evaluation")
                .processInstanceBusinessKey(ref).variableValueEquals("phase", phase.name()).singleResult();
        assertThat(pi).as("impact-evaluation " + phase + " of " + ref).isNotNull();
        return pi.getId();
    }

    private List<String> statuses(String callId, String phase) {
        return jdbc.sql("select status from impact_evaluation where call_id = ? and phase = ?").params(callId, phase)
                .query(String.class).list();
    }

    private Map<String, Object> plan() {
        List<Map<String, Object>> objectives = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            objectives.add(Map.of("objective", "Objectif " + i, "target", "Cible " + i, "dueMonth", i));
        }
        return Map.of("kickoffDate", EngineSteps.value(LocalDate.now().toString()),
                "supportObjectives", engine.jsonValue(objectives), "expectedSupportHours", EngineSteps.value(30));
    }
}
