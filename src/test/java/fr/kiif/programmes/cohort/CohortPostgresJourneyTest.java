package fr.kiif.programmes.cohort;

import static fr.kiif.programmes.support.EngineSteps.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.support.EngineSteps;
import fr.kiif.programmes.support.ImpactEvaluations;
import fr.kiif.programmes.support.JourneyMails;
import fr.kiif.programmes.support.PostgresTestBase;
import fr.kiif.programmes.support.SelectionJourney;
import fr.kiif.programmes.support.SelectionJourney.Applicant;
import fr.kiif.programmes.support.SelectionJourney.PublishedCall;
import fr.kiif.programmes.support.TestMailServer;
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
    @Autowired SelectionJourney selection;
    @Autowired EngineSteps engine;
    @Autowired JourneyMails mails;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired WithdrawalService withdrawals;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired ImpactEvaluations impact;

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
        PublishedCall call = selection.publishCall("pgc-", body -> {
            body.put("title", "Cohorte PostgreSQL " + body.get("id"));
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
        });
        ProcessInstance callPi = call.process();
        selection.openCall(call);
        assertThat(callPi).isWaitingAt("ReceiveTask_CallOpen");

        // --- Three applications through the public API.
        Applicant laureateA = selection.submit(call.id(), 1, DEPARTEMENT);
        Applicant laureateB = selection.submit(call.id(), 2, DEPARTEMENT);
        Applicant waiting = selection.submit(call.id(), 3, DEPARTEMENT);
        List<Applicant> applicants = List.of(laureateA, laureateB, waiting);
        applicants.forEach(a -> engine.executeJobs(a.processInstanceId()));

        // --- Eligibility by the incubator's staff, then the single territorial review, in the engine REST API.
        for (Applicant applicant : applicants) {
            String staff = INCUBATOR + "-" + (1 + applicant.index() % 2);
            selection.checkEligibility(staff, applicant.reference(), SelectionJourney.ELIGIBLE);
        }
        applicants.forEach(a -> engine.executeJobs(a.processInstanceId()));
        selection.closeCall(call);
        assertThat(callPi).isWaitingAt("Gateway_AwaitReviews");
        for (Applicant applicant : applicants) {
            assertThat(selection.completeReview(applicant.processInstanceId(), review(applicant))).startsWith(INCUBATOR + "-");
        }

        // --- The coordination prepares the jury; the jury selects A and B, waitlists the third one.
        engine.executeJobs(callPi.getId());
        assertThat(callPi).isWaitingAt("UserTask_PrepareJury");
        JsonNode prepare = engine.singleTask("coordination-1", "processInstanceId=" + callPi.getId());
        engine.completeOk("coordination-1", prepare.get("id").asText(), Map.of("agendaConfirmed", value(true)));
        engine.executeJobs(callPi.getId());
        assertThat(callPi).isWaitingAt("UserTask_JuryDeliberation");
        JsonNode deliberation = engine.singleTask("jury-1", "processInstanceId=" + callPi.getId());
        List<Map<String, Object>> decisions = List.of(SelectionJourney.decision(laureateA.reference(), "SELECTED", null, "Retenu A."),
                SelectionJourney.decision(laureateB.reference(), "SELECTED", null, "Retenu B."),
                SelectionJourney.decision(waiting.reference(), "WAITLISTED", 1, null));
        engine.completeOk("jury-1", deliberation.get("id").asText(), selection.juryDecisions(decisions));
        engine.executeJobs(callPi.getId());
        assertThat(callPi).isWaitingAt("Gateway_AwaitSupportEnd");
        applicants.forEach(a -> engine.executeJobs(a.processInstanceId()));
        ClockUtil.reset();
        assertThat(selection.status(waiting.reference())).isEqualTo(ApplicationStatus.WAITLISTED);

        // --- Each laureate has their own support, onboarding with a coach of the incubator.
        ProcessInstance supportA = support(laureateA);
        ProcessInstance supportB = support(laureateB);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(waiting.reference()).count()).isZero();
        for (Applicant laureate : List.of(laureateA, laureateB)) {
            assertThat(supportRow(laureate).get("status")).isEqualTo("ONBOARDING");
            assertThat(supportRow(laureate).get("incubator_slug")).isEqualTo(INCUBATOR);
        }

        // --- Onboarding by the coach in the engine REST API: an invalid plan first, refused in French.
        String coachA = onboardingCoach(supportA);
        String coachB = onboardingCoach(supportB);
        assertThat(supportRow(laureateA).get("coach_id")).isEqualTo(coachA);
        Task onboardingA = engine.task(supportA.getId(), "UserTask_Onboarding");
        assertThat(engine.completeRefused(coachA, onboardingA.getId(), plan(2, 40))).contains("de 3 à 5 objectifs");
        assertThat(supportA).isWaitingAt("UserTask_Onboarding");
        engine.completeOk(coachA, onboardingA.getId(), plan(3, 40));
        engine.executeJobs(supportA.getId());
        assertThat(supportA).isWaitingAt("CallActivity_BaselineImpact", "Timer_MidTerm");
        assertThat(supportRow(laureateA).get("status")).isEqualTo("ACTIVE");
        assertThat(((Number) supportRow(laureateA).get("expected_hours")).intValue()).isEqualTo(40);
        assertThat(selection.status(laureateA.reference())).isEqualTo(ApplicationStatus.IN_SUPPORT);
        assertThat(jdbc.sql("select objective from support_objective where application_id = ? order by position")
                .param(applicationId(laureateA)).query(String.class).list()).containsExactly("Objectif 1", "Objectif 2", "Objectif 3");

        engine.completeOk(coachB, engine.task(supportB.getId(), "UserTask_Onboarding").getId(), plan(4, 20));
        engine.executeJobs(supportB.getId());
        impact.complete(laureateA.reference(), ImpactPhase.BASELINE);
        engine.executeJobs(supportA.getId());
        engine.executeJobs(supportB.getId());
        assertThat(supportRow(laureateA).get("next_check_in_at")).isNotNull();
        assertThat(supportRow(laureateB).get("status")).isEqualTo("ACTIVE");

        // --- B withdraws while the promotion window is open: the waitlisted application is promoted.
        withdrawals.withdraw(laureateB.reference(), "Je rejoins un autre programme.", "LAUREATE");
        engine.executeJobs(supportB.getId());
        assertThat(supportB).isEnded().hasPassed("Event_Withdrawn", "EndEvent_Replaced");
        assertThat(supportRow(laureateB).get("status")).isEqualTo("WITHDRAWN");
        assertThat(supportRow(laureateB).get("ended_by")).isEqualTo("LAUREATE");
        assertThat(supportRow(laureateB).get("end_reason")).isEqualTo("Je rejoins un autre programme.");
        assertThat(supportRow(laureateB).get("ended_at")).isNotNull();
        assertThat(supportRow(laureateB).get("next_check_in_at")).isNull();
        assertThat(selection.status(laureateB.reference())).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(taskService.createTaskQuery().processInstanceId(supportB.getId()).count()).isZero();
        engine.executeJobs(waiting.processInstanceId());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(waiting.processInstanceId()).count()).isZero();
        assertThat(selection.status(waiting.reference())).isEqualTo(ApplicationStatus.SELECTED);
        ProcessInstance supportPromoted = support(waiting);
        engine.executeJobs(supportPromoted.getId());
        assertThat(supportPromoted).isWaitingAt("UserTask_Onboarding");
        String promotedCoach = onboardingCoach(supportPromoted);
        assertThat(supportRow(waiting).get("status")).isEqualTo("ONBOARDING");
        assertThat(supportRow(waiting).get("coach_id")).isEqualTo(promotedCoach);
        JsonNode promotedTask = engine.singleTask(promotedCoach, "processInstanceBusinessKey=" + waiting.reference());
        assertThat(promotedTask.get("taskDefinitionKey").asText()).isEqualTo("UserTask_Onboarding");
        // Only A is still in support besides the promoted one: A keeps going untouched.
        assertThat(supportA).isWaitingAt("Timer_MidTerm");

        // --- A's check-ins every 28 days (days 28, 56, 84), mid-term at day 45, by the coach in REST.
        Instant periodStart = ((Date) runtimeService.getVariable(supportA.getId(), "supportPeriodStartedAt")).toInstant();
        completeCheckIn(supportA, coachA, 2.5, "LOW");
        engine.fire(supportA.getId(), "Timer_MidTerm");
        Task midTerm = engine.task(supportA.getId(), "UserTask_MidTermReview");
        assertThat(midTerm.getAssignee()).isEqualTo(coachA);
        assertThat(engine.completeRefused(coachA, midTerm.getId(), Map.of("continueSupport", value(true)))).contains("synthèse");
        engine.completeOk(coachA, midTerm.getId(),
                Map.of("continueSupport", value(true), "midTermSummary", value("Le projet avance bien.")));
        engine.executeJobs(supportA.getId());
        assertThat(supportRow(laureateA).get("mid_term_summary")).isEqualTo("Le projet avance bien.");
        impact.complete(laureateA.reference(), ImpactPhase.MIDTERM);
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
        engine.fire(supportA.getId(), "Timer_SupportEnd");
        Task finalReview = engine.task(supportA.getId(), "UserTask_FinalReview");
        assertThat(finalReview.getAssignee()).isEqualTo(coachA);
        engine.completeOk(coachA, finalReview.getId(), Map.of("finalSummary", value("Bilan positif : structure consolidée."),
                "objectivesReached", value("[{\"reached\":true},{\"reached\":false,\"comment\":\"Reporté\"},{\"reached\":true}]")));
        engine.executeJobs(supportA.getId());
        assertThat(supportA).isWaitingAt("CallActivity_FinalImpact");
        impact.complete(laureateA.reference(), ImpactPhase.FINAL);
        engine.executeJobs(supportA.getId());
        assertThat(supportA).isEnded().hasPassed("ServiceTask_SendClosingEmail", "EndEvent_SupportFinished");
        Map<String, Object> finished = supportRow(laureateA);
        assertThat(finished.get("status")).isEqualTo("FINISHED");
        assertThat(finished.get("ended_by")).isEqualTo("COMPLETED");
        assertThat(finished.get("final_summary")).isEqualTo("Bilan positif : structure consolidée.");
        assertThat(selection.status(laureateA.reference())).isEqualTo(ApplicationStatus.SUPPORT_FINISHED);
        assertThat(jdbc.sql("select reached from support_objective where application_id = ? order by position")
                .param(applicationId(laureateA)).query(Boolean.class).list()).containsExactly(true, false, true);

        // --- The mails, through GreenMail.
        ClockUtil.reset();
        mails.sendDue();
        assertThat(JourneyMails.subjectsTo(laureateA.email())).anySatisfy(s -> assertThat(s).contains("votre projet est sélectionné"))
                .anySatisfy(s -> assertThat(s).contains("plan d'accompagnement"))
                .anySatisfy(s -> assertThat(s).contains("fin de votre accompagnement"));
        MimeMessage closing = JourneyMails.firstTo(laureateA.email(), "fin de votre accompagnement");
        assertThat(JourneyMails.body(closing)).contains("est terminé");
        assertThat(mails.trackingPage(closing)).contains(laureateA.reference()).contains("Accompagnement terminé");
        assertThat(JourneyMails.subjectsTo(laureateB.email())).anySatisfy(s -> assertThat(s).contains("votre projet est sélectionné"))
                .noneSatisfy(s -> assertThat(s).contains("fin de votre accompagnement"));
        assertThat(JourneyMails.subjectsTo(waiting.email())).anySatisfy(s -> assertThat(s).contains("liste d'attente"))
                .anySatisfy(s -> assertThat(s).contains(waiting.reference()).contains("votre projet est sélectionné"));
        MimeMessage promotedMail = JourneyMails.firstTo(waiting.email(), "votre projet est sélectionné");
        assertThat(mails.trackingPage(promotedMail)).contains(waiting.reference()).contains("Sélectionnée");
        MimeMessage selectedB = JourneyMails.firstTo(laureateB.email(), "votre projet est sélectionné");
        assertThat(mails.trackingPage(selectedB)).contains(laureateB.reference()).contains("Retirée");
        // The coordination was told of B's withdrawal.
        assertThat(Arrays.stream(TestMailServer.get().getReceivedMessages()).map(JourneyMails::subject))
                .anySatisfy(s -> assertThat(s).startsWith("Accompagnement interrompu").contains(laureateB.reference()));
    }

    /** Scores 5, 4, 3 in application order: A ranks first, the waitlisted one last. */
    private static Map<String, Object> review(Applicant applicant) {
        int score = 6 - applicant.index();
        return SelectionJourney.review(score, score, "Avis sur le projet " + applicant.index() + ".", score >= 4 ? "SELECT" : "DISCUSS");
    }

    // --- the support

    private Map<String, Object> plan(int objectives, int hours) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= objectives; i++) {
            items.add(Map.of("objective", "Objectif " + i, "target", "Cible " + i, "dueMonth", Math.min(i, 3)));
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("kickoffDate", value(LocalDate.now().toString()));
        variables.put("supportObjectives", value(engine.write(items)));
        variables.put("expectedSupportHours", value(hours));
        return variables;
    }

    private void completeCheckIn(ProcessInstance pi, String coach, double hours, String risk) {
        engine.fire(pi.getId(), "Timer_CheckInDue");
        Task checkIn = engine.task(pi.getId(), "UserTask_CheckIn");
        assertThat(checkIn.getAssignee()).isEqualTo(coach);
        // The coach sees the check-in as theirs in the engine REST API.
        JsonNode mine = engine.queryTasks(coach, "assignee=" + coach + "&processInstanceId=" + pi.getId());
        assertThat(mine).extracting(t -> t.get("id").asText()).contains(checkIn.getId());
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("objectivesProgress",
                value("[{\"progress\":\"IN_PROGRESS\"},{\"progress\":\"NOT_STARTED\"},{\"progress\":\"ACHIEVED\"}]"));
        variables.put("supportHours", value(hours));
        variables.put("riskLevel", value(risk));
        variables.put("nextSteps", value("Préparer le comité."));
        engine.completeOk(coach, checkIn.getId(), variables);
        engine.executeJobs(pi.getId());
    }

    private String onboardingCoach(ProcessInstance pi) {
        Task onboarding = engine.task(pi.getId(), "UserTask_Onboarding");
        assertThat(onboarding.getAssignee()).startsWith(INCUBATOR + "-");
        return onboarding.getAssignee();
    }

    private ProcessInstance support(Applicant applicant) {
        ProcessInstance pi = engine.instance("cohort-support", applicant.reference());
        engine.executeJobs(pi.getId());
        return pi;
    }

    private Map<String, Object> supportRow(Applicant applicant) {
        return jdbc.sql("select * from laureate_support where application_id = ?").param(applicationId(applicant)).query().singleRow();
    }

    private long applicationId(Applicant applicant) {
        return selection.applicationId(applicant.reference());
    }
}
