package fr.kiif.programmes.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.application.SubmissionResult;
import fr.kiif.programmes.call.process.CallLifecycle;
import fr.kiif.programmes.selection.SelectionProgress;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.OutboxRows;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.TestCalls;

/**
 * Every path of {@code programme-call} on the real engine, with the engine clock moved: opening,
 * completion reminder (sent or skipped), closing, reviews done before the deadline or the deadline
 * with missing reviews, no eligible application, jury validation, decisions sent, minutes, access.
 * Reviews are simulated by score rows: the review flow lives in the application process.
 */
class CallProcessTest extends SpringTestBase {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired CallRepository calls;
    @Autowired CallLifecycle lifecycle;
    @Autowired SelectionProgress progress;
    @Autowired ApplicationSubmissionService submissions;
    @Autowired ApplicationRepository applications;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void demoCallIsPublishedOnceAcrossRestarts() {
        assertThat(runningCalls(DemoCallSeeder.CALL_ID)).isOne();
        lifecycle.publish(DemoCallSeeder.CALL_ID);
        assertThat(runningCalls(DemoCallSeeder.CALL_ID)).isOne();
        assertThat(lifecycle.isPublished(DemoCallSeeder.CALL_ID)).isTrue();
    }

    @Test
    void publishedCallOpensAtItsDateRemindsApplicantsOwingACompletionAndCloses() {
        Instant now = Instant.now();
        ProgrammeCall call = TestCalls.insert(calls, now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(10)));
        String juror = juror();
        settings(call, Map.of("atis", 1), 1, 1, List.of(juror));
        lifecycle.publish(call.id());

        ProcessInstance pi = callInstance(call.id());
        assertThat(pi).isWaitingAt("Timer_CallOpens");
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.PUBLISHED);
        assertThat(pi).variables().containsEntry("callId", call.id()).containsEntry("juryGroup", "jury-" + call.id())
                .containsEntry("completionReminderPlanned", true)
                .containsEntry("closesAt", call.closesAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        assertThat(identityService.createUserQuery().memberOfGroup("jury-" + call.id()).userId(juror).count()).isOne();
        assertThat(timer(pi, "Timer_CallOpens").getDuedate().toInstant())
                .isEqualTo(call.opensAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        moveClockTo(call.opensAt().plusSeconds(1));
        managementService.executeJob(timer(pi, "Timer_CallOpens").getId());
        assertThat(pi).isWaitingAt("ReceiveTask_CallOpen").hasPassed("ServiceTask_OpenCall");
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.OPEN);
        Instant reminderAt = call.closesAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(Duration.ofDays(3));
        assertThat(timer(pi, "Timer_CompletionReminder").getDuedate().toInstant()).isEqualTo(reminderAt);

        // An applicant owes a completion (the call accepts submissions at real time: open it for them).
        jdbc.sql("update programme_call set opens_at = ? where id = ?").params(utc(now.minusSeconds(60)), call.id()).update();
        String owing = submitEligibleOr(call, "INCOMPLETE");
        String other = submitEligibleOr(call, "ELIGIBLE");
        assertThat(applications.findByReference(owing).orElseThrow().status()).isEqualTo(ApplicationStatus.COMPLETION_REQUESTED);

        moveClockTo(reminderAt.plusSeconds(1));
        managementService.executeJob(timer(pi, "Timer_CompletionReminder").getId());
        assertThat(pi).isWaitingAt("ReceiveTask_CallOpen").hasPassed("ServiceTask_SendCompletionReminders", "EndEvent_RemindersSent");
        OutboxRows.Mail reminder = last(OutboxRows.forApplication(jdbc, owing));
        assertThat(reminder.subject()).contains("complément est toujours attendu");
        assertThat(reminder.body()).contains(call.title()).contains("ferme le");
        assertThat(reminder.link("/complement")).contains("/suivi/");
        assertThat(OutboxRows.forApplication(jdbc, other)).noneMatch(m -> m.subject().contains("toujours attendu"));

        moveClockTo(call.closesAt().plusSeconds(1));
        managementService.executeJob(timer(pi, "Timer_CallCloses").getId());
        assertThat(pi).hasPassed("ServiceTask_StartSelection", "ServiceTask_CheckReviews")
                .isWaitingAt("Gateway_AwaitReviews");
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.SELECTION);
        assertThat(pi).variables().containsEntry("allReviewed", false);
    }

    @Test
    void reminderIsSkippedWhenThreeDaysBeforeClosingIsAlreadyPast() {
        Instant now = Instant.now();
        ProgrammeCall call = TestCalls.insert(calls, now.minus(Duration.ofDays(5)), now.plus(Duration.ofDays(1)));
        lifecycle.publish(call.id());
        ProcessInstance pi = callInstance(call.id());
        open(pi);
        assertThat(pi).variables().containsEntry("completionReminderPlanned", false);

        managementService.executeJob(timer(pi, "Timer_CompletionReminder").getId());
        assertThat(pi).hasPassed("EndEvent_ReminderSkipped").hasNotPassed("ServiceTask_SendCompletionReminders")
                .isWaitingAt("ReceiveTask_CallOpen");
    }

    @Test
    void allReviewsDoneBeforeTheDeadlineBringTheJuryPreparationAtOnce() {
        ProgrammeCall call = openCall(Map.of("atis", 1, "ronalpia", 1), 2, 1, List.of());
        ProcessInstance pi = callInstance(call.id());
        long first = insertApplication(call, "atis", ApplicationStatus.ELIGIBLE);
        long second = insertApplication(call, "ronalpia", ApplicationStatus.IN_REVIEW);
        close(call, pi);
        assertThat(pi).isWaitingAt("Gateway_AwaitReviews");

        // A review outside the call's process wait changes nothing; the first score alone neither.
        score(first, "3.75", false);
        progress.applicationReviewed(call.id());
        assertThat(pi).isWaitingAt("Gateway_AwaitReviews");

        score(second, "4.10", true);
        progress.applicationReviewed(call.id());
        assertThat(pi).hasPassed("Event_AllReviewsDone").hasNotPassed("Timer_ReviewDeadline")
                .isWaitingAt("ServiceTask_PrepareJuryFile");
        executeJobs(pi);
        assertThat(pi).isWaitingAt("UserTask_PrepareJury");
        Task task = task(pi);
        assertThat(task).hasCandidateGroup("kiif-coordination").hasName("Préparer le jury");
        assertThat(task.getDueDate()).isNotNull();
        String summary = (String) runtimeService.getVariable(pi.getId(), "preparationSummary");
        assertThat(summary).contains("2 candidatures éligibles, dont 2 évaluées");
        // A late review after the wait is over: nothing to correlate, no error.
        progress.applicationReviewed(call.id());
    }

    @Test
    void deadlineWithMissingReviewsShowsThemToTheCoordinationWhoConfirmsTheAgenda() throws Exception {
        String juror = juror();
        ProgrammeCall call = openCall(Map.of("atis", 2, "ronalpia", 1), 3, 1, List.of(juror));
        ProcessInstance pi = callInstance(call.id());
        long reviewed = insertApplication(call, "atis", ApplicationStatus.REVIEWED);
        score(reviewed, "4.00", false);
        long missing = insertApplication(call, "atis", ApplicationStatus.IN_REVIEW);
        review(missing, "atis-1", "ASSIGNED", null, null, null);
        review(missing, "ronalpia-2", "DONE", "SELECT", "Belle équipe.", null);
        insertApplication(call, "ronalpia", ApplicationStatus.INELIGIBLE);
        close(call, pi);
        assertThat(pi).isWaitingAt("Gateway_AwaitReviews");

        Job deadline = timer(pi, "Timer_ReviewDeadline");
        assertThat(deadline.getDuedate().toInstant())
                .isEqualTo(call.closesAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plus(Duration.ofDays(21)));
        moveClockTo(deadline.getDuedate().toInstant().plusSeconds(1));
        managementService.executeJob(deadline.getId());
        executeJobs(pi);
        assertThat(pi).hasPassed("Timer_ReviewDeadline").isWaitingAt("UserTask_PrepareJury");

        JsonNode rows = json(runtimeService.getVariable(pi.getId(), "juryPreparation"));
        JsonNode atis = find(rows, "incubator", "Atis");
        assertThat(atis.get("eligible").asInt()).isEqualTo(2);
        assertThat(atis.get("reviewed").asInt()).isEqualTo(1);
        assertThat(atis.get("quota").asInt()).isEqualTo(2);
        String missingRef = applications.findById(missing).orElseThrow().reference();
        assertThat(atis.get("missingReviews").asText()).isEqualTo(missingRef + " : atis-1");
        assertThat(find(rows, "incubator", "Ronalpia").get("eligible").asInt()).isZero();

        Task prepare = task(pi);
        assertThatThrownBy(() -> taskService.complete(prepare.getId()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Je confirme l'ordre du jour du jury");
        assertThatThrownBy(() -> taskService.complete(prepare.getId(), Map.of("agendaConfirmed", false)))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(pi).isWaitingAt("UserTask_PrepareJury");

        taskService.complete(prepare.getId(), Map.of("agendaConfirmed", true));
        assertThat(pi).isWaitingAt("UserTask_JuryDeliberation");
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.JURY);
        Task deliberation = task(pi);
        assertThat(deliberation).hasCandidateGroup("jury-" + call.id()).hasName("Délibérer");
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), deliberation.getDueDate().toInstant()))
                .isEqualTo(Duration.ofDays(14));
        JsonNode jurySet = json(runtimeService.getVariable(pi.getId(), "juryApplications"));
        assertThat(jurySet).hasSize(2);
        assertThat(jurySet.get(0).get("reference").asText()).isEqualTo(applications.findById(reviewed).orElseThrow().reference());
        assertThat(jurySet.get(0).get("weightedScore").asText()).isEqualTo("4,00");
        assertThat(jurySet.get(1).get("weightedScore").asText()).isEqualTo("non évaluée");
        assertThat(jurySet.get(1).get("reviews").asText()).isEqualTo("ronalpia-2 : à sélectionner — Belle équipe.");
        assertThat(jurySet.toString()).doesNotContain("@").doesNotContain("Inès");
        JsonNode prefilled = json(runtimeService.getVariable(pi.getId(), "juryDecisions"));
        assertThat(prefilled).hasSize(2);
        assertThat(prefilled.get(1).get("applicationRef").asText()).isEqualTo(missingRef);
        assertThat(prefilled.get(1).has("decision")).isTrue();
        assertThat((String) runtimeService.getVariable(pi.getId(), "quotaSummary"))
                .contains("Cohorte : 3 places").contains("Atis 2").contains("Ronalpia 1");

        // Only the call's jury (and the coordination) see the jury's task.
        assertThat(restTaskIds(juror, pi)).containsExactly(deliberation.getId());
        assertThat(restTaskIds("coordination-1", pi)).containsExactly(deliberation.getId());
        assertThat(restTaskIds("jury-1", pi)).isEmpty();
        assertThat(restTaskIds("atis-1", pi)).isEmpty();
    }

    @Test
    void escalationsOfOverdueTasksReachTheCoordinationAndTheTasksStay() {
        ProgrammeCall call = openCall(Map.of("atis", 1), 1, 0, List.of());
        ProcessInstance pi = callInstance(call.id());
        score(insertApplication(call, "atis", ApplicationStatus.REVIEWED), "3.00", false);
        close(call, pi);
        executeJobs(pi);
        assertThat(pi).isWaitingAt("UserTask_PrepareJury");

        moveClockTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(7)).plusSeconds(1));
        managementService.executeJob(timer(pi, "Timer_PrepareJuryOverdue").getId());
        assertThat(pi).hasPassed("ServiceTask_EscalatePrepareJury").isWaitingAt("UserTask_PrepareJury");
        assertThat(coordinationMail(pi).subject()).isEqualTo("Tâche en retard : « Préparer le jury » pour l'appel " + call.id());

        taskService.complete(task(pi).getId(), Map.of("agendaConfirmed", true));
        moveClockTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(14)).plusSeconds(1));
        managementService.executeJob(timer(pi, "Timer_DeliberationOverdue").getId());
        assertThat(pi).hasPassed("ServiceTask_EscalateDeliberation").isWaitingAt("UserTask_JuryDeliberation");
        assertThat(coordinationMail(pi).subject()).isEqualTo("Tâche en retard : « Délibérer » pour l'appel " + call.id());
        assertThat(coordinationMail(pi).recipient()).isEqualTo("coordination@kiif.fr");
    }

    @Test
    void noEligibleApplicationAtAllClosesTheCallAfterTheCoordinationSawIt() throws Exception {
        ProgrammeCall call = openCall(Map.of("atis", 1), 1, 0, List.of());
        ProcessInstance pi = callInstance(call.id());
        insertApplication(call, "atis", ApplicationStatus.INELIGIBLE);
        close(call, pi);
        assertThat(pi).variables().containsEntry("allReviewed", true);
        executeJobs(pi);
        assertThat(pi).isWaitingAt("UserTask_PrepareJury");
        assertThat((String) runtimeService.getVariable(pi.getId(), "preparationSummary"))
                .startsWith("0 candidature éligible, dont 0 évaluée");
        assertThat(find(json(runtimeService.getVariable(pi.getId(), "juryPreparation")), "incubator", "Atis")
                .get("eligible").asInt()).isZero();

        taskService.complete(task(pi).getId(), Map.of("agendaConfirmed", true));
        assertThat(pi).isEnded().hasPassed("ServiceTask_CloseWithoutLaureates", "EndEvent_ClosedWithoutLaureates")
                .hasNotPassed("UserTask_JuryDeliberation");
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.CLOSED);
        assertThat(http.withBasicAuth("coordination-1", "demo")
                .getForEntity("/coordination/appels/" + call.id() + "/proces-verbal.pdf", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void juryDecisionsAreCheckedOnTheServerThenStoredSentToEachApplicationAndWrittenInTheMinutes() throws Exception {
        String juror = juror();
        ProgrammeCall call = openCall(Map.of("atis", 1, "ronalpia", 1), 2, 1, List.of(juror));
        ProcessInstance pi = callInstance(call.id());
        // Real application processes, waiting for their decision after eligibility.
        String a1 = submitEligibleOr(call, "ELIGIBLE", "33");
        String a2 = submitEligibleOr(call, "ELIGIBLE", "33");
        String a3 = submitEligibleOr(call, "ELIGIBLE", "69");
        long id1 = applications.findByReference(a1).orElseThrow().id();
        long id2 = applications.findByReference(a2).orElseThrow().id();
        long id3 = applications.findByReference(a3).orElseThrow().id();
        score(id1, "4.25", false);
        score(id2, "3.10", true);
        score(id3, "3.60", false);
        review(id2, "atis-1", "DONE", "SELECT", "Projet ancré localement.", null);
        review(id2, "ronalpia-1", "DONE", "REJECT", "Modèle économique fragile.", null);
        review(id3, "ronalpia-2", "RECUSED", null, null, "Ancienne collègue de la porteuse");
        close(call, pi);
        executeJobs(pi);
        taskService.complete(task(pi).getId(), Map.of("agendaConfirmed", true));
        Task deliberation = task(pi);

        assertThatThrownBy(() -> deliberate(deliberation, List.of(
                decision(a1, "SELECTED", null, null), decision(a2, "SELECTED", null, null), decision(a3, "REJECTED", null, null))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Incubateur Atis : 2 candidatures sélectionnées pour un quota de 1.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(a2 + " n'est pas retenue"));
        assertThatThrownBy(() -> deliberate(deliberation, List.of(
                decision(a1, "SELECTED", null, null), decision(a2, "REJECTED", null, ""), decision(a3, "WAITLISTED", 2, null))))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("La candidature " + a2 + " n'est pas retenue alors que ses évaluateurs étaient en désaccord")
                .hasMessageContaining("Incubateur Ronalpia : les rangs de liste d'attente doivent aller de 1 à 1");
        assertThat(pi).isWaitingAt("UserTask_JuryDeliberation");
        assertThat(jdbc.sql("select count(*) from jury_decision where application_id in (?, ?, ?)")
                .params(id1, id2, id3).query(Integer.class).single()).isZero();

        deliberate(deliberation, List.of(decision(a1, "SELECTED", null, "Le plus abouti."),
                decision(a2, "REJECTED", null, "Modèle économique encore trop fragile."),
                decision(a3, "WAITLISTED", 1, null)));
        assertThat(pi).isWaitingAt("ServiceTask_RecordJuryDecisions");
        executeJobs(pi);
        assertThat(pi).hasPassed("ServiceTask_RecordJuryDecisions", "ServiceTask_SendSelectionDecision",
                "ServiceTask_CheckDeliveries", "ServiceTask_MarkDecided").isWaitingAt("Gateway_AwaitSupportEnd");
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.DECIDED);

        assertThat(decisionReceived(a1)).containsEntry("decision", "SELECTED").containsEntry("waitlistRank", null);
        assertThat(decisionReceived(a2)).containsEntry("decision", "REJECTED");
        assertThat(decisionReceived(a3)).containsEntry("decision", "WAITLISTED").containsEntry("waitlistRank", 1);
        assertThat(jdbc.sql("select count(*) from jury_decision where application_id in (?, ?, ?) and delivered_at is not null")
                .params(id1, id2, id3).query(Integer.class).single()).isEqualTo(3);

        ResponseEntity<byte[]> pdf = http.withBasicAuth("coordination-1", "demo")
                .getForEntity("/coordination/appels/" + call.id() + "/proces-verbal.pdf", byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text = text(pdf.getBody());
        assertThat(text).contains("Procès-verbal de délibération du jury").contains(call.title())
                .contains(a1).contains(a2).contains(a3).contains("4,25").contains("3,10").contains("3,60")
                .contains("Sélectionnée").contains("Non retenue").contains("Liste d'attente")
                .contains("Modèle économique encore trop fragile.").contains("Le plus abouti.")
                .contains(juror).contains("Juliette Juré")
                .contains("ronalpia-2 s'est récusé·e pour la candidature " + a3)
                .contains("Quotas utilisés").contains("cohorte de 2");
        assertThat(http.withBasicAuth("admin", "demo")
                .getForEntity("/coordination/appels/" + call.id() + "/proces-verbal.pdf", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        for (String user : List.of("atis-1", "jury-1", juror)) {
            ResponseEntity<String> refused = http.withBasicAuth(user, "demo")
                    .getForEntity("/coordination/appels/" + call.id() + "/proces-verbal.pdf", String.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody()).contains("réservé à la coordination");
        }
        assertThat(http.getForEntity("/coordination/appels/" + call.id() + "/proces-verbal.pdf", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void applicationsThatCannotReceiveTheirDecisionAreRecordedAndAnIncidentOnlyWhenNoneCould() {
        // Rows without an application process: every decision undeliverable.
        ProgrammeCall call = openCall(Map.of("atis", 2), 2, 0, List.of());
        ProcessInstance pi = callInstance(call.id());
        long one = insertApplication(call, "atis", ApplicationStatus.REVIEWED);
        long two = insertApplication(call, "atis", ApplicationStatus.REVIEWED);
        score(one, "3.00", false);
        score(two, "2.00", false);
        close(call, pi);
        executeJobs(pi);
        taskService.complete(task(pi).getId(), Map.of("agendaConfirmed", true));
        deliberate(task(pi), List.of(decision(reference(one), "SELECTED", null, null), decision(reference(two), "REJECTED", null, null)));
        executeJobs(pi);

        assertThat(pi).isWaitingAt("ServiceTask_CheckDeliveries");
        Job check = managementService.createJobQuery().processInstanceId(pi.getId()).activityId("ServiceTask_CheckDeliveries").singleResult();
        assertThat(check.getExceptionMessage()).contains("Aucune des 2 décisions du jury n'a pu être transmise");
        assertThat(jdbc.sql("select delivery_problem from jury_decision where application_id = ?").param(one)
                .query(String.class).single()).contains("Aucun processus de candidature n'attend la décision");
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.JURY);
    }

    @Test
    void oneApplicationThatCannotReceiveItsDecisionDoesNotStopTheOthers() {
        ProgrammeCall call = openCall(Map.of("atis", 2), 2, 0, List.of());
        ProcessInstance pi = callInstance(call.id());
        String live = submitEligibleOr(call, "ELIGIBLE", "33");
        long liveId = applications.findByReference(live).orElseThrow().id();
        long orphan = insertApplication(call, "atis", ApplicationStatus.REVIEWED);
        score(liveId, "3.00", false);
        score(orphan, "2.00", false);
        close(call, pi);
        executeJobs(pi);
        taskService.complete(task(pi).getId(), Map.of("agendaConfirmed", true));
        deliberate(task(pi), List.of(decision(live, "SELECTED", null, null), decision(reference(orphan), "REJECTED", null, null)));
        executeJobs(pi);

        assertThat(pi).isWaitingAt("Gateway_AwaitSupportEnd");
        assertThat(decisionReceived(live)).containsEntry("decision", "SELECTED");
        assertThat(jdbc.sql("select delivered_at is null from jury_decision where application_id = ?").param(orphan)
                .query(Boolean.class).single()).isTrue();
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.DECIDED);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A call open at real time (submissions accepted), published, its opening timer executed. */
    private ProgrammeCall openCall(Map<String, Integer> quotas, int cohortSize, int waitlistSize, List<String> jury) {
        Instant now = Instant.now();
        ProgrammeCall call = TestCalls.insert(calls, now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(10)));
        settings(call, quotas, cohortSize, waitlistSize, jury);
        lifecycle.publish(call.id());
        open(callInstance(call.id()));
        return call;
    }

    private void settings(ProgrammeCall call, Map<String, Integer> quotas, int cohortSize, int waitlistSize, List<String> jury) {
        calls.saveSelectionSettings(call.id(), new SelectionSettings(quotas, cohortSize, waitlistSize, 2, 1,
                Duration.ofDays(21), Duration.ofDays(3), Duration.ofDays(7), false, jury,
                Duration.ofDays(60), Duration.ofDays(270), Duration.ofDays(28)));
    }

    private void open(ProcessInstance pi) {
        managementService.executeJob(timer(pi, "Timer_CallOpens").getId());
        assertThat(pi).isWaitingAt("ReceiveTask_CallOpen");
    }

    private void close(ProgrammeCall call, ProcessInstance pi) {
        moveClockTo(call.closesAt().plusSeconds(1));
        managementService.executeJob(timer(pi, "Timer_CallCloses").getId());
    }

    private String submitEligibleOr(ProgrammeCall call, String outcome) {
        return submitEligibleOr(call, outcome, "33");
    }

    /** Submits through the public service, routes, and records the incubator's eligibility decision. */
    private String submitEligibleOr(ProgrammeCall call, String outcome, String departement) {
        SubmissionResult result = submissions.submit(call.id(),
                ApplicationForms.valid(departement, "cf-" + UUID.randomUUID() + "@example.org"), Optional.empty(), null);
        ProcessInstance application = runtimeService.createProcessInstanceQuery().processDefinitionKey("application")
                .processInstanceBusinessKey(result.reference()).singleResult();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(application.getId()).singleResult().getId());
        Map<String, Object> variables = new HashMap<>();
        variables.put("eligibilityOutcome", outcome);
        if (!"ELIGIBLE".equals(outcome)) {
            variables.put("eligibilityComment", "Merci de joindre votre budget.");
        }
        taskService.complete(taskService.createTaskQuery().processInstanceId(application.getId()).singleResult().getId(), variables);
        return result.reference();
    }

    /** An application row without a process, e.g. for calls whose decisions cannot be delivered. */
    private long insertApplication(ProgrammeCall call, String incubator, ApplicationStatus status) {
        String reference = call.referencePrefix() + "-" + UUID.randomUUID().toString().substring(0, 6);
        long id = applications.insert(reference, call.id(), ApplicationForms.valid("33", "row-" + UUID.randomUUID() + "@example.org"),
                Instant.now());
        applications.updateRouting(id, "gironde", incubator);
        applications.updateStatus(id, status);
        return id;
    }

    private String reference(long applicationId) {
        return applications.findById(applicationId).orElseThrow().reference();
    }

    private void score(long applicationId, String score, boolean disagreement) {
        jdbc.sql("insert into application_score (application_id, weighted_score, disagreement, computed_at) values (?, ?, ?, ?)")
                .params(applicationId, new BigDecimal(score), disagreement, utc(Instant.now())).update();
        applications.updateStatus(applicationId, ApplicationStatus.REVIEWED);
    }

    private void review(long applicationId, String reviewer, String status, String recommendation, String comment, String recusal) {
        boolean done = "DONE".equals(status);
        jdbc.sql("""
                insert into review (application_id, reviewer_id, kind, status, assigned_at, completed_at, recommendation,
                    review_comment, recusal_reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(applicationId, reviewer, "TERRITORIAL", status, utc(Instant.now()), done ? utc(Instant.now()) : null,
                        recommendation, comment, recusal)
                .update();
    }

    private static Map<String, Object> decision(String reference, String decision, Integer rank, String rationale) {
        Map<String, Object> row = new HashMap<>();
        row.put("applicationRef", reference);
        row.put("decision", decision);
        row.put("waitlistRank", rank);
        row.put("rationale", rationale);
        return row;
    }

    /** Completes the jury's task as Tasklist does: {@code juryDecisions} as a JSON variable. */
    private void deliberate(Task task, List<Map<String, Object>> decisions) {
        String value;
        try {
            value = json.writeValueAsString(decisions);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        taskService.complete(task.getId(), Map.of("juryDecisions", SpinValues.jsonValue(value).create()));
    }

    private Map<String, Object> decisionReceived(String reference) {
        String applicationPi = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("application")
                .processInstanceBusinessKey(reference).singleResult().getId();
        assertThat(runtimeService.createExecutionQuery().processInstanceId(applicationPi)
                .messageEventSubscriptionName("SelectionDecision").count()).isZero();
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(applicationPi).list()) {
            variables.put(variable.getName(), variable.getValue());
        }
        assertThat(variables).containsKey("decision");
        return variables;
    }

    /** A juror of a test call: a Camunda user, added to the call's jury group at publication. */
    private String juror() {
        String id = "juror-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identityService.newUser(id);
        user.setFirstName("Juliette");
        user.setLastName("Juré");
        user.setPassword("demo");
        identityService.saveUser(user);
        return id;
    }

    private List<String> restTaskIds(String userId, ProcessInstance pi) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(userId, "demo")
                .getForEntity("/engine-rest/task?processInstanceId=" + pi.getId(), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        json.readTree(response.getBody()).forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    private OutboxRows.Mail coordinationMail(ProcessInstance pi) {
        return jdbc.sql("select recipient, subject, body from mail_outbox where dedup_key like ? order by id desc")
                .param(pi.getId() + ":%")
                .query((rs, n) -> new OutboxRows.Mail(rs.getString(1), rs.getString(2), rs.getString(3))).list().get(0);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = PDDocument.load(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private JsonNode json(Object variable) throws Exception {
        return json.readTree(variable.toString());
    }

    private static JsonNode find(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(field).asText())) {
                return row;
            }
        }
        throw new AssertionError("No row with " + field + "=" + value + " in " + rows);
    }

    private long runningCalls(String callId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("programme-call")
                .processInstanceBusinessKey(callId).count();
    }

    private ProcessInstance callInstance(String callId) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("programme-call")
                .processInstanceBusinessKey(callId).singleResult();
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    /** Runs the process's due asynchronous jobs (not its future timers) until there is none. */
    private void executeJobs(ProcessInstance pi) {
        for (int round = 0; round < 200; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list()
                    .stream().filter(job -> job.getExceptionMessage() == null).toList();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    managementService.executeJob(job.getId());
                } catch (RuntimeException e) {
                    // Left with its exception message for the test to look at.
                }
            }
        }
        throw new AssertionError("Jobs keep coming for " + pi.getId());
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
