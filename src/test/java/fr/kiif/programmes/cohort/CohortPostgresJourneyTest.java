package fr.kiif.programmes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.notification.MailDispatcher;
import fr.kiif.programmes.support.ImpactEvaluations;
import fr.kiif.programmes.support.PostgresTestBase;
import fr.kiif.programmes.support.TestMailServer;
import fr.kiif.programmes.support.CallBodies;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The cohort journey on a real PostgreSQL, from selection to the closing email: a call of one
 * incubator (coordination API, support of 90 days with a check-in every 28 days), three applications
 * (public API), eligibility, reviews and jury as the real users (engine REST API): two laureates and
 * one waitlisted. Laureate A goes through onboarding, baseline impact, every check-in, mid-term and
 * final reviews, final impact and gets the closing email; laureate B withdraws while the promotion
 * window is open and the waitlisted application is promoted (SELECTED mail, its own support).
 */
class CohortPostgresJourneyTest extends PostgresTestBase {

    private static final String INCUBATOR = "atis";
    private static final String DEPARTEMENT = "33";

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ApplicationRepository applications;
    @Autowired WithdrawalService withdrawals;
    @Autowired MailDispatcher dispatcher;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired ImpactEvaluations impact;
    @Autowired TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();

    /** One applicant of the journey. */
    private static final class Applicant {
        final int index;
        final int score;
        final String email;
        final String organisation;
        String reference;
        String processInstanceId;

        Applicant(int index, int score) {
            this.index = index;
            this.score = score;
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            this.email = "cohort-" + index + "-" + suffix + "@example.org";
            this.organisation = "Structure cohorte " + index + " " + suffix;
        }
    }

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void twoLaureatesFromSelectionToClosingEmailOneWithdrawingAndReplacedFromTheWaitlist() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }

        // --- The coordination publishes a call of one incubator: 2 laureates, 1 on the waitlist.
        String callId = "pgc-" + UUID.randomUUID().toString().substring(0, 8);
        Instant opensAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant closesAt = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<String> created = http.withBasicAuth("coordination-1", "demo")
                .postForEntity("/api/coordination/calls", callBody(callId, opensAt, closesAt), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        ProcessInstance callPi = runtimeService.createProcessInstanceQuery().processDefinitionKey("programme-call")
                .processInstanceBusinessKey(callId).singleResult();
        moveClockTo(opensAt.plusSeconds(1));
        executeJobs(callPi.getId());
        assertThat(callPi).isWaitingAt("ReceiveTask_CallOpen");
        ClockUtil.reset();

        // --- Three applications through the public API.
        Applicant laureateA = new Applicant(1, 5);
        Applicant laureateB = new Applicant(2, 4);
        Applicant waiting = new Applicant(3, 3);
        List<Applicant> applicants = List.of(laureateA, laureateB, waiting);
        for (Applicant applicant : applicants) {
            ResponseEntity<String> response = http.postForEntity("/api/calls/" + callId + "/applications",
                    new HttpEntity<>(applicationJson(applicant), jsonHeaders()), String.class);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
            applicant.reference = json.readTree(response.getBody()).get("reference").asText();
            applicant.processInstanceId = runtimeService.createProcessInstanceQuery().processDefinitionKey("application")
                    .processInstanceBusinessKey(applicant.reference).singleResult().getId();
        }
        applicants.forEach(a -> executeJobs(a.processInstanceId));

        // --- Eligibility by the incubator's staff, then the single territorial review, in the engine REST API.
        for (Applicant applicant : applicants) {
            String staff = INCUBATOR + "-" + (1 + applicant.index % 2);
            JsonNode task = single(json.readTree(http.withBasicAuth(staff, "demo")
                    .getForObject("/engine-rest/task?processInstanceBusinessKey=" + applicant.reference, String.class)));
            assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("UserTask_CheckEligibility");
            assertNoContent(complete(staff, task.get("id").asText(), "{\"eligibilityOutcome\":{\"value\":\"ELIGIBLE\"}}"));
        }
        applicants.forEach(a -> executeJobs(a.processInstanceId));
        moveClockTo(closesAt.plusSeconds(1));
        executeJobs(callPi.getId());
        assertThat(callPi).isWaitingAt("Gateway_AwaitReviews");
        for (Applicant applicant : applicants) {
            Task review = taskService.createTaskQuery().processInstanceId(applicant.processInstanceId)
                    .taskDefinitionKey("UserTask_ReviewApplication").singleResult();
            assertThat(review.getAssignee()).startsWith(INCUBATOR + "-");
            assertNoContent(complete(review.getAssignee(), review.getId(), review(applicant)));
            executeJobs(applicant.processInstanceId);
        }

        // --- The coordination prepares the jury; the jury selects A and B, waitlists the third one.
        executeJobs(callPi.getId());
        assertThat(callPi).isWaitingAt("UserTask_PrepareJury");
        JsonNode prepare = single(json.readTree(http.withBasicAuth("coordination-1", "demo")
                .getForObject("/engine-rest/task?processInstanceId=" + callPi.getId(), String.class)));
        assertNoContent(complete("coordination-1", prepare.get("id").asText(), "{\"agendaConfirmed\":{\"value\":true}}"));
        executeJobs(callPi.getId());
        assertThat(callPi).isWaitingAt("UserTask_JuryDeliberation");
        JsonNode deliberation = single(json.readTree(http.withBasicAuth("jury-1", "demo")
                .getForObject("/engine-rest/task?processInstanceId=" + callPi.getId(), String.class)));
        List<Map<String, Object>> decisions = List.of(decision(laureateA, "SELECTED", null, "Retenu A."),
                decision(laureateB, "SELECTED", null, "Retenu B."), decision(waiting, "WAITLISTED", 1, null));
        assertNoContent(complete("jury-1", deliberation.get("id").asText(), juryDecisions(decisions)));
        executeJobs(callPi.getId());
        assertThat(callPi).isWaitingAt("Gateway_AwaitSupportEnd");
        applicants.forEach(a -> executeJobs(a.processInstanceId));
        ClockUtil.reset();
        assertThat(status(waiting)).isEqualTo(ApplicationStatus.WAITLISTED);

        // --- Each laureate has their own support, onboarding with a coach of the incubator.
        ProcessInstance supportA = support(laureateA);
        ProcessInstance supportB = support(laureateB);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(waiting.reference).count()).isZero();
        for (Applicant laureate : List.of(laureateA, laureateB)) {
            assertThat(supportRow(laureate).get("status")).isEqualTo("ONBOARDING");
            assertThat(supportRow(laureate).get("incubator_slug")).isEqualTo(INCUBATOR);
        }

        // --- Onboarding by the coach in the engine REST API: an invalid plan first, refused in French.
        String coachA = onboardingCoach(supportA);
        String coachB = onboardingCoach(supportB);
        assertThat(supportRow(laureateA).get("coach_id")).isEqualTo(coachA);
        Task onboardingA = task(supportA, "UserTask_Onboarding");
        ResponseEntity<String> invalid = complete(coachA, onboardingA.getId(), plan(2, 40));
        assertThat(invalid.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(invalid.getBody()).contains("de 3 à 5 objectifs");
        assertThat(supportA).isWaitingAt("UserTask_Onboarding");
        assertNoContent(complete(coachA, onboardingA.getId(), plan(3, 40)));
        executeJobs(supportA.getId());
        assertThat(supportA).isWaitingAt("CallActivity_BaselineImpact", "Timer_MidTerm");
        assertThat(supportRow(laureateA).get("status")).isEqualTo("ACTIVE");
        assertThat(((Number) supportRow(laureateA).get("expected_hours")).intValue()).isEqualTo(40);
        assertThat(status(laureateA)).isEqualTo(ApplicationStatus.IN_SUPPORT);
        assertThat(jdbc.sql("select objective from support_objective where application_id = ? order by position")
                .param(applicationId(laureateA)).query(String.class).list()).containsExactly("Objectif 1", "Objectif 2", "Objectif 3");

        assertNoContent(complete(coachB, task(supportB, "UserTask_Onboarding").getId(), plan(4, 20)));
        executeJobs(supportB.getId());
        impact.complete(laureateA.reference, ImpactPhase.BASELINE);
        executeJobs(supportA.getId());
        executeJobs(supportB.getId());
        assertThat(supportRow(laureateA).get("next_check_in_at")).isNotNull();
        assertThat(supportRow(laureateB).get("status")).isEqualTo("ACTIVE");

        // --- B withdraws while the promotion window is open: the waitlisted application is promoted.
        withdrawals.withdraw(laureateB.reference, "Je rejoins un autre programme.", "LAUREATE");
        executeJobs(supportB.getId());
        assertThat(supportB).isEnded().hasPassed("Event_Withdrawn", "EndEvent_Replaced");
        assertThat(supportRow(laureateB).get("status")).isEqualTo("WITHDRAWN");
        assertThat(supportRow(laureateB).get("ended_by")).isEqualTo("LAUREATE");
        assertThat(supportRow(laureateB).get("end_reason")).isEqualTo("Je rejoins un autre programme.");
        assertThat(supportRow(laureateB).get("ended_at")).isNotNull();
        assertThat(supportRow(laureateB).get("next_check_in_at")).isNull();
        assertThat(status(laureateB)).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(taskService.createTaskQuery().processInstanceId(supportB.getId()).count()).isZero();
        executeJobs(waiting.processInstanceId);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waiting.processInstanceId).count()).isZero();
        assertThat(status(waiting)).isEqualTo(ApplicationStatus.SELECTED);
        ProcessInstance supportPromoted = support(waiting);
        executeJobs(supportPromoted.getId());
        assertThat(supportPromoted).isWaitingAt("UserTask_Onboarding");
        String promotedCoach = onboardingCoach(supportPromoted);
        assertThat(supportRow(waiting).get("status")).isEqualTo("ONBOARDING");
        assertThat(supportRow(waiting).get("coach_id")).isEqualTo(promotedCoach);
        JsonNode promotedTasks = json.readTree(http.withBasicAuth(promotedCoach, "demo")
                .getForObject("/engine-rest/task?processInstanceBusinessKey=" + waiting.reference, String.class));
        assertThat(single(promotedTasks).get("taskDefinitionKey").asText()).isEqualTo("UserTask_Onboarding");
        // Only A is still in support besides the promoted one: A keeps going untouched.
        assertThat(supportA).isWaitingAt("Timer_MidTerm");

        // --- A's check-ins every 28 days (days 28, 56, 84), mid-term at day 45, by the coach in REST.
        Instant periodStart = ((Date) runtimeService.getVariable(supportA.getId(), "supportPeriodStartedAt")).toInstant();
        completeCheckIn(supportA, coachA, 2.5, "LOW");
        fire(supportA, "Timer_MidTerm");
        Task midTerm = task(supportA, "UserTask_MidTermReview");
        assertThat(midTerm.getAssignee()).isEqualTo(coachA);
        ResponseEntity<String> noSummary = complete(coachA, midTerm.getId(), "{\"continueSupport\":{\"value\":true}}");
        assertThat(noSummary.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(noSummary.getBody()).contains("synthèse");
        assertNoContent(complete(coachA, midTerm.getId(),
                "{\"continueSupport\":{\"value\":true},\"midTermSummary\":{\"value\":\"Le projet avance bien.\"}}"));
        executeJobs(supportA.getId());
        assertThat(supportRow(laureateA).get("mid_term_summary")).isEqualTo("Le projet avance bien.");
        impact.complete(laureateA.reference, ImpactPhase.MIDTERM);
        completeCheckIn(supportA, coachA, 3, "MEDIUM");
        completeCheckIn(supportA, coachA, 4.5, "LOW");
        assertThat(managementService.createJobQuery().processInstanceId(supportA.getId()).activityId("Timer_CheckInDue").count())
                .isZero();
        assertThat(supportRow(laureateA).get("next_check_in_at")).isNull();

        List<Map<String, Object>> checkIns = jdbc.sql("select * from check_in where application_id = ? order by due_at")
                .param(applicationId(laureateA)).query().listOfRows();
        assertThat(checkIns).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("coach_id")).isEqualTo(coachA);
            assertThat(row.get("incubator_slug")).isEqualTo(INCUBATOR);
            assertThat(row.get("done_at")).isNotNull();
            assertThat((String) row.get("progress")).contains("IN_PROGRESS");
            assertThat(row.get("next_steps")).isEqualTo("Préparer le comité.");
        });
        assertThat(checkIns).extracting(row -> ((BigDecimal) row.get("support_hours")).stripTrailingZeros().toPlainString())
                .containsExactly("2.5", "3", "4.5");
        assertThat(checkIns).extracting(row -> row.get("risk_level")).containsExactly("LOW", "MEDIUM", "LOW");
        for (int i = 0; i < 3; i++) {
            Instant dueAt = ((java.sql.Timestamp) checkIns.get(i).get("due_at")).toInstant();
            assertThat(dueAt).isAfter(periodStart.plus(Duration.ofDays(28L * (i + 1))));
        }
        assertThat(jdbc.sql("select count(*) from check_in where application_id = ?").param(applicationId(laureateB))
                .query(Integer.class).single()).isZero();

        // --- Final review at day 90, final impact, closing email.
        fire(supportA, "Timer_SupportEnd");
        Task finalReview = task(supportA, "UserTask_FinalReview");
        assertThat(finalReview.getAssignee()).isEqualTo(coachA);
        assertNoContent(complete(coachA, finalReview.getId(), """
                {"finalSummary":{"value":"Bilan positif : structure consolidée."},
                "objectivesReached":{"value":"[{\\"reached\\":true},{\\"reached\\":false,\\"comment\\":\\"Reporté\\"},{\\"reached\\":true}]"}}"""));
        executeJobs(supportA.getId());
        assertThat(supportA).isWaitingAt("CallActivity_FinalImpact");
        impact.complete(laureateA.reference, ImpactPhase.FINAL);
        executeJobs(supportA.getId());
        assertThat(supportA).isEnded().hasPassed("ServiceTask_SendClosingEmail", "EndEvent_SupportFinished");
        Map<String, Object> finished = supportRow(laureateA);
        assertThat(finished.get("status")).isEqualTo("FINISHED");
        assertThat(finished.get("ended_by")).isEqualTo("COMPLETED");
        assertThat(finished.get("final_summary")).isEqualTo("Bilan positif : structure consolidée.");
        assertThat(status(laureateA)).isEqualTo(ApplicationStatus.SUPPORT_FINISHED);
        assertThat(jdbc.sql("select reached from support_objective where application_id = ? order by position")
                .param(applicationId(laureateA)).query(Boolean.class).list()).containsExactly(true, false, true);

        // --- The mails, through GreenMail.
        ClockUtil.reset();
        for (int round = 0; round < 20 && dispatcher.dispatchDue() > 0; round++) {
            // Until the outbox has nothing due.
        }
        List<String> subjectsA = subjects(laureateA);
        assertThat(subjectsA).anySatisfy(s -> assertThat(s).contains("votre projet est sélectionné"))
                .anySatisfy(s -> assertThat(s).contains("plan d'accompagnement"))
                .anySatisfy(s -> assertThat(s).contains("fin de votre accompagnement"));
        MimeMessage closing = mails(laureateA).stream().filter(m -> subject(m).contains("fin de votre accompagnement"))
                .findFirst().orElseThrow();
        assertThat(body(closing)).contains("est terminé");
        assertThat(trackingPage(body(closing))).contains(laureateA.reference).contains("Accompagnement terminé");
        assertThat(subjects(laureateB)).anySatisfy(s -> assertThat(s).contains("votre projet est sélectionné"))
                .noneSatisfy(s -> assertThat(s).contains("fin de votre accompagnement"));
        List<String> subjectsWaiting = subjects(waiting);
        assertThat(subjectsWaiting).anySatisfy(s -> assertThat(s).contains("liste d'attente"))
                .anySatisfy(s -> assertThat(s).contains(waiting.reference).contains("votre projet est sélectionné"));
        MimeMessage promotedMail = mails(waiting).stream().filter(m -> subject(m).contains("votre projet est sélectionné"))
                .findFirst().orElseThrow();
        assertThat(trackingPage(body(promotedMail))).contains(waiting.reference).contains("Sélectionnée");
        MimeMessage selectedB = mails(laureateB).stream().filter(m -> subject(m).contains("votre projet est sélectionné"))
                .findFirst().orElseThrow();
        assertThat(trackingPage(body(selectedB))).contains(laureateB.reference).contains("Retirée");
        // The coordination was told of B's withdrawal.
        assertThat(Arrays.stream(TestMailServer.get().getReceivedMessages()).map(CohortPostgresJourneyTest::subject))
                .anySatisfy(s -> assertThat(s).startsWith("Accompagnement interrompu").contains(laureateB.reference));
    }

    // --- the call and the applications

    private static Map<String, Object> callBody(String id, Instant opensAt, Instant closesAt) {
        Map<String, Object> body = CallBodies.body(id, opensAt, closesAt);
        body.put("title", "Cohorte PostgreSQL " + id);
        body.put("description", "Un appel du parcours d'accompagnement sur PostgreSQL.");
        body.put("incubators", List.of(INCUBATOR));
        body.put("quotas", Map.of(INCUBATOR, 2));
        body.put("cohortSize", 2);
        body.put("waitlistSize", 1);
        body.put("territorialReviewers", 1);
        body.put("crossReviewers", 0);
        body.put("promotionWindow", "P60D");
        body.put("supportDuration", "P90D");
        body.put("checkInEvery", "P28D");
        body.put("publish", true);
        return body;
    }

    private static String applicationJson(Applicant applicant) {
        return """
                {"organisationName":"%s","legalForm":"ASSOCIATION","siret":null,"departement":"%s",
                "contact":{"firstName":"Laureate%d","lastName":"Durand","email":"%s","phone":"0601020304"},
                "projectTitle":"Projet d'accompagnement n°%d","summary":"Des cafés mortels itinérants.","socialNeed":"Isolement des endeuillés.",
                "beneficiaries":"Personnes endeuillées.","stage":"LAUNCH","teamSize":2,"fundingToDate":15000,
                "supportNeeds":"Modèle économique.","themeFit":"Deuil et fin de vie.","consent":true}
                """.formatted(applicant.organisation, DEPARTEMENT, applicant.index, applicant.email, applicant.index);
    }

    private static String review(Applicant applicant) {
        int s = applicant.score;
        return """
                {"conflictOfInterest":{"value":false},"scoreSocialImpact":{"value":%d},"scoreInnovation":{"value":%d},
                "scoreTeam":{"value":%d},"scoreEconomicModel":{"value":%d},"scoreThemeFit":{"value":%d},"scoreScaling":{"value":%d},
                "reviewComment":{"value":"Avis sur le projet %d."},"recommendation":{"value":"%s"}}"""
                .formatted(s, s, s, s, s, s, applicant.index, s >= 4 ? "SELECT" : "DISCUSS");
    }

    private static Map<String, Object> decision(Applicant applicant, String decision, Integer rank, String rationale) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("applicationRef", applicant.reference);
        row.put("decision", decision);
        row.put("waitlistRank", rank);
        row.put("rationale", rationale);
        return row;
    }

    private String juryDecisions(List<Map<String, Object>> decisions) throws Exception {
        Map<String, Object> variable = new LinkedHashMap<>();
        variable.put("value", json.writeValueAsString(decisions));
        variable.put("type", "Json");
        return json.writeValueAsString(Map.of("juryDecisions", variable));
    }

    // --- the support

    private String plan(int objectives, int hours) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= objectives; i++) {
            items.add(Map.of("objective", "Objectif " + i, "target", "Cible " + i, "dueMonth", Math.min(i, 3)));
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("kickoffDate", Map.of("value", java.time.LocalDate.now().toString()));
        variables.put("supportObjectives", Map.of("value", json.writeValueAsString(items)));
        variables.put("expectedSupportHours", Map.of("value", hours));
        return json.writeValueAsString(variables);
    }

    private void completeCheckIn(ProcessInstance pi, String coach, double hours, String risk) throws Exception {
        fire(pi, "Timer_CheckInDue");
        Task checkIn = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_CheckIn")
                .singleResult();
        assertThat(checkIn.getAssignee()).isEqualTo(coach);
        // The coach sees the check-in as theirs in the engine REST API.
        JsonNode mine = json.readTree(http.withBasicAuth(coach, "demo")
                .getForObject("/engine-rest/task?assignee=" + coach + "&processInstanceId=" + pi.getId(), String.class));
        assertThat(mine).extracting(t -> t.get("id").asText()).contains(checkIn.getId());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("objectivesProgress", Map.of("value",
                "[{\"progress\":\"IN_PROGRESS\"},{\"progress\":\"NOT_STARTED\"},{\"progress\":\"ACHIEVED\"}]"));
        variables.put("supportHours", Map.of("value", hours));
        variables.put("riskLevel", Map.of("value", risk));
        variables.put("nextSteps", Map.of("value", "Préparer le comité."));
        assertNoContent(complete(coach, checkIn.getId(), json.writeValueAsString(variables)));
        executeJobs(pi.getId());
    }

    private String onboardingCoach(ProcessInstance pi) {
        Task onboarding = task(pi, "UserTask_Onboarding");
        assertThat(onboarding.getAssignee()).startsWith(INCUBATOR + "-");
        return onboarding.getAssignee();
    }

    private ProcessInstance support(Applicant applicant) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(applicant.reference).singleResult();
        assertThat(pi).as(applicant.reference).isNotNull();
        executeJobs(pi.getId());
        return pi;
    }

    private Map<String, Object> supportRow(Applicant applicant) {
        return jdbc.sql("select * from laureate_support where application_id = ?").param(applicationId(applicant)).query().singleRow();
    }

    private Task task(ProcessInstance pi, String activityId) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
        assertThat(tasks).as(activityId).hasSize(1);
        return tasks.get(0);
    }

    /** Moves the engine clock just past this process's earliest timer of the activity, and runs it. */
    private void fire(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().list().stream()
                .min(Comparator.comparing(Job::getDuedate)).orElseThrow(() -> new AssertionError("No timer " + activityId));
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        }
        managementService.executeJob(job.getId());
        executeJobs(pi.getId());
    }

    // --- helpers

    private ResponseEntity<String> complete(String user, String taskId, String variables) {
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                new HttpEntity<>("{\"variables\":" + variables + "}", jsonHeaders()), String.class);
    }

    private static void assertNoContent(ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }

    private static JsonNode single(JsonNode tasks) {
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private long applicationId(Applicant applicant) {
        return applications.findByReference(applicant.reference).orElseThrow().id();
    }

    private ApplicationStatus status(Applicant applicant) {
        return applications.findByReference(applicant.reference).orElseThrow().status();
    }

    /** Runs the process's due jobs (not its future timers) until there is none. */
    private void executeJobs(String processInstanceId) {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                assertThat(job.getExceptionMessage()).as("job %s of %s", job.getId(), processInstanceId).isNull();
                managementService.executeJob(job.getId());
            }
        }
        throw new AssertionError("Jobs keep coming for " + processInstanceId);
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** The tracking page behind the personal link of a mail. */
    private String trackingPage(String mailBody) {
        Matcher matcher = Pattern.compile("https?://\\S+/suivi/\\S+").matcher(mailBody);
        assertThat(matcher.find()).as(mailBody).isTrue();
        String link = matcher.group();
        ResponseEntity<String> page = http.getForEntity(link.substring(link.indexOf("/suivi/")), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    private List<MimeMessage> mails(Applicant applicant) {
        return Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(m -> recipient(m).equals(applicant.email)).toList();
    }

    private List<String> subjects(Applicant applicant) {
        return mails(applicant).stream().map(CohortPostgresJourneyTest::subject).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message) {
        try {
            return message.getContent().toString();
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
