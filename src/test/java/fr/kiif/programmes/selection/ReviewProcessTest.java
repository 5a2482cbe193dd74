package fr.kiif.programmes.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
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

import fr.kiif.programmes.application.Application;
import fr.kiif.programmes.application.ApplicationForm;
import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.application.LegalForm;
import fr.kiif.programmes.application.Stage;
import fr.kiif.programmes.application.SubmissionResult;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.Criterion;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.OutboxRows;
import fr.kiif.programmes.support.SpringTestBase;

/** Reviews, score and decisions of the {@code application} process, on the real engine and services. */
class ReviewProcessTest extends SpringTestBase {

    private static final String REVIEW = "UserTask_ReviewApplication";
    private static final String MANUAL = "UserTask_AssignReviewerManually";
    private static final Map<String, Integer> DEFAULT_WEIGHTS = Map.of("socialImpact", 3, "innovation", 2, "team", 2,
            "economicModel", 2, "themeFit", 1, "scaling", 0);

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired ApplicationSubmissionService submissions;
    @Autowired ApplicationRepository applications;
    @Autowired CallRepository calls;
    @Autowired ReviewRepository reviews;
    @Autowired ConflictRegistry conflicts;
    @Autowired JdbcClient jdbc;
    @Autowired TestRestTemplate http;

    private final ObjectMapper json = new ObjectMapper();
    private final List<Long> fakeReviewApplications = new ArrayList<>();

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        fakeReviewApplications.forEach(id -> jdbc.sql("delete from review where application_id = ?").param(id).update());
    }

    // ---- assignment

    @Test
    void territorialReviewerWithTheFewestOpenReviewsIsChosen() {
        ProgrammeCall call = call(1, 0, false, DEFAULT_WEIGHTS);
        // Give atis-1 more open reviews than atis-2, on another application.
        Map<String, Integer> open = reviews.openReviewCounts();
        int extra = open.getOrDefault("atis-2", 0) - open.getOrDefault("atis-1", 0) + 2;
        long other = submitOnly(call, "33", uniqueOrganisation()).id();
        fakeReviewApplications.add(other);
        for (int i = 0; i < extra; i++) {
            reviews.insertAssigned(other, "atis-1", ReviewKind.TERRITORIAL, Instant.now());
        }

        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);
        assertThat(reviewers(pi)).containsExactly("atis-2");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(reviewRows(pi)).extracting(row -> row.get("status")).containsExactly("ASSIGNED");

        // Now atis-2 has more open reviews: the next application goes to atis-1.
        jdbc.sql("delete from review where application_id = ?").param(other).update();
        for (int i = 0; i < reviews.openReviewCounts().getOrDefault("atis-1", 0)
                - reviews.openReviewCounts().getOrDefault("atis-2", 0) + 2; i++) {
            reviews.insertAssigned(other, "atis-2", ReviewKind.TERRITORIAL, Instant.now());
        }
        ProcessInstance next = eligible(call, "33", uniqueOrganisation(), null);
        assertThat(reviewers(next)).containsExactly("atis-1");
    }

    @Test
    void neverTheSamePersonTwiceAndTooFewReviewersGoToTheCoordination() {
        ProgrammeCall call = call(3, 0, false, DEFAULT_WEIGHTS);
        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);

        assertThat(reviewers(pi)).containsExactlyInAnyOrder("atis-1", "atis-2");
        Task manual = single(pi, MANUAL);
        assertThat(manual).hasCandidateGroup("kiif-coordination");
        assertThat(manual.getDueDate()).isNotNull();

        assertThatThrownBy(() -> taskService.complete(manual.getId(), Map.of("manualReviewerId", "atis-1")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("évalue déjà cette candidature");
        assertThatThrownBy(() -> taskService.complete(manual.getId(), Map.of("manualReviewerId", "personne-inconnue")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Aucun utilisateur");
        assertThatThrownBy(() -> taskService.complete(manual.getId(), Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Indiquez l'identifiant");

        taskService.complete(manual.getId(), Map.of("manualReviewerId", "ronalpia-2"));
        assertThat(reviewers(pi)).containsExactlyInAnyOrder("atis-1", "atis-2", "ronalpia-2");
        assertThat(reviewRows(pi)).hasSize(3).allSatisfy(row -> assertThat(row.get("kind")).isEqualTo("TERRITORIAL"));
    }

    @Test
    void declaredConflictsAreRespectedByNameAndBySiret() {
        ProgrammeCall call = call(2, 0, false, DEFAULT_WEIGHTS);
        String organisation = uniqueOrganisation();
        String siret = uniqueSiret();
        // Same name in another case, and the same SIRET under another name.
        conflicts.add("atis-1", organisation.toUpperCase(), null, "Ancien salarié", "coordination-1");
        conflicts.add("atis-2", "Ancien nom", siret, "Administratrice", "coordination-1");

        ProcessInstance pi = eligible(call, "33", organisation, siret);
        assertThat(reviewers(pi)).isEmpty();
        List<Task> manual = tasks(pi, MANUAL);
        assertThat(manual).hasSize(2);
        assertThatThrownBy(() -> taskService.complete(manual.get(0).getId(), Map.of("manualReviewerId", "atis-1")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("conflit d'intérêts");
        assertThatThrownBy(() -> taskService.complete(manual.get(0).getId(), Map.of("manualReviewerId", "atis-2")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("conflit d'intérêts");
        taskService.complete(manual.get(0).getId(), Map.of("manualReviewerId", "adress-1"));
        assertThat(reviewers(pi)).containsExactly("adress-1");
    }

    @Test
    void crossReviewerComesFromAnotherIncubator() {
        ProgrammeCall call = call(1, 1, false, DEFAULT_WEIGHTS);
        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);

        List<Map<String, Object>> rows = reviewRows(pi);
        assertThat(rows).hasSize(2);
        String territorial = reviewer(rows, "TERRITORIAL");
        String cross = reviewer(rows, "CROSS");
        assertThat(territorial).startsWith("atis-");
        assertThat(identityService.createUserQuery().userId(cross).memberOfGroup("incubator-atis").count()).isZero();
        assertThat(identityService.createGroupQuery().groupMember(cross).list())
                .anySatisfy(group -> assertThat(group.getId()).startsWith("incubator-"));
    }

    @Test
    void recusalRecordsTheReasonAndBringsAReplacementThenTheCoordination() {
        ProgrammeCall call = call(1, 0, false, DEFAULT_WEIGHTS);
        String organisation = uniqueOrganisation();
        ProcessInstance pi = eligible(call, "33", organisation, null);
        Task first = single(pi, REVIEW);
        String firstReviewer = first.getAssignee();

        taskService.complete(first.getId(), Map.of("conflictOfInterest", true, "recusalReason", "Je siège à son conseil d'administration."));

        Task second = single(pi, REVIEW);
        assertThat(second.getAssignee()).startsWith("atis-").isNotEqualTo(firstReviewer);
        assertThat(taskService.getVariable(second.getId(), "conflictOfInterest")).isNull();
        List<Map<String, Object>> rows = reviewRows(pi);
        assertThat(rows).extracting(row -> row.get("status")).containsExactly("RECUSED", "ASSIGNED");
        assertThat(rows.get(0).get("recusal_reason")).isEqualTo("Je siège à son conseil d'administration.");
        assertThat(conflicts.conflictedUsers(organisation, null)).contains(firstReviewer);

        // The second one withdraws as well: nobody is left in the group.
        taskService.complete(second.getId(), Map.of("conflictOfInterest", true));
        assertThat(tasks(pi, REVIEW)).isEmpty();
        assertThat(single(pi, MANUAL)).isNotNull();
        assertThat(reviewRows(pi)).extracting(row -> row.get("status")).containsExactly("RECUSED", "RECUSED");
    }

    // ---- blind review

    @Test
    void blindReviewHidesTheOrganisationFromCrossReviewersOnly() {
        ProgrammeCall call = call(1, 1, true, DEFAULT_WEIGHTS);
        String organisation = uniqueOrganisation();
        ProcessInstance pi = eligible(call, "33", organisation, null);
        List<Task> tasks = tasks(pi, REVIEW);
        assertThat(tasks).hasSize(2);
        Task territorial = tasks.stream().filter(t -> t.getAssignee().startsWith("atis-")).findFirst().orElseThrow();
        Task cross = tasks.stream().filter(t -> !t.getAssignee().startsWith("atis-")).findFirst().orElseThrow();

        String territorialView = taskService.getVariables(territorial.getId()).toString();
        String crossView = taskService.getVariables(cross.getId()).toString();
        assertThat(territorialView).contains(organisation).contains("Café mortel itinérant");
        assertThat(crossView).doesNotContain(organisation).doesNotContain("Inès").doesNotContain("Martin")
                .doesNotContain("Documents joints").contains("Café mortel itinérant");
        assertThat(territorialView).contains("Documents joints");
        assertThat(taskService.getVariable(cross.getId(), "reviewKind")).isEqualTo("CROSS");

        // Without blind review, the cross reviewer sees the organisation.
        ProcessInstance open = eligible(call(1, 1, false, DEFAULT_WEIGHTS), "33", organisation + " bis", null);
        Task openCross = tasks(open, REVIEW).stream().filter(t -> !t.getAssignee().startsWith("atis-")).findFirst().orElseThrow();
        assertThat(taskService.getVariables(openCross.getId()).toString()).contains(organisation + " bis");
    }

    // ---- validation and score

    @Test
    void scoresAreValidatedOnTheServerWithFrenchMessages() {
        ProgrammeCall call = call(1, 0, false, DEFAULT_WEIGHTS);
        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);
        String taskId = single(pi, REVIEW).getId();
        assertThat(taskService.getVariables(taskId)).containsEntry("askScaling", false).containsEntry("askSocialImpact", true);

        Map<String, Object> review = review(4, 4, 4, 4, 4, "Beau projet.", "SELECT");
        review.remove("scoreTeam");
        assertThatThrownBy(() -> taskService.complete(taskId, review))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("note entière de 1 à 5 pour le critère « Équipe »");
        assertThatThrownBy(() -> taskService.complete(taskId, review(6, 4, 4, 4, 4, "Beau projet.", "SELECT")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("« Impact social »");
        Map<String, Object> fractional = review(4, 4, 4, 4, 4, "Beau projet.", "SELECT");
        fractional.put("scoreInnovation", 3.5);
        assertThatThrownBy(() -> taskService.complete(taskId, fractional))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("« Innovation »");
        assertThatThrownBy(() -> taskService.complete(taskId, review(4, 4, 4, 4, 4, "  ", "SELECT")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Le commentaire est obligatoire");
        assertThatThrownBy(() -> taskService.complete(taskId, review(4, 4, 4, 4, 4, "Beau projet.", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choisissez une recommandation");
        assertThat(pi).isWaitingAt(REVIEW);

        // Scaling has weight 0: not asked. Scores may come as text (radio buttons) and are stored as integers.
        Map<String, Object> fromForm = review(4, 4, 4, 4, 4, "Beau projet.", "DISCUSS");
        fromForm.put("scoreTeam", "5");
        taskService.complete(taskId, fromForm);
        assertThat(pi).isWaitingAt("ReceiveTask_AwaitSelectionDecision");
        Map<String, Object> row = reviewRows(pi).get(0);
        assertThat(row.get("status")).isEqualTo("DONE");
        assertThat(((Number) row.get("score_team")).intValue()).isEqualTo(5);
        assertThat(row.get("score_scaling")).isNull();
    }

    @Test
    void weightedScoreAndDisagreementMatchTheHandComputedValues() {
        ProgrammeCall call = call(2, 0, false, DEFAULT_WEIGHTS);
        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);
        List<Task> tasks = tasks(pi, REVIEW);
        // A: (5*3 + 4*2 + 4*2 + 3*2 + 5*1) / 10 = 4.20 ; B: (3*3 + 2*2 + 3*2 + 2*2 + 4*1) / 10 = 2.70
        taskService.complete(tasks.get(0).getId(), review(5, 4, 4, 3, 5, "Très convaincant.", "SELECT"));
        assertThat(pi).isWaitingAt(REVIEW);
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        taskService.complete(tasks.get(1).getId(), review(3, 2, 3, 2, 4, "Fragile.", "DISCUSS"));

        assertThat(pi).isWaitingAt("ReceiveTask_AwaitSelectionDecision").hasPassed("ServiceTask_ComputeScore");
        // Means 4, 3, 3.5, 2.5, 4.5 → (12 + 6 + 7 + 5 + 4.5) / 10 = 3.45 ; gap 4.20 - 2.70 = 1.5 → disagreement.
        assertThat(score(pi)).isEqualByComparingTo("3.45");
        assertThat(disagreement(pi)).isTrue();
        assertThat(reviewRows(pi)).extracting(r -> new BigDecimal(r.get("overall_score").toString()).stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("4.2", "2.7");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.REVIEWED);

        // A: 4.00, B: (4*3 + 3*2 + 4*2 + 4*2 + 3*1) / 10 = 3.70 ; SELECT and DISCUSS → no disagreement.
        ProcessInstance close = eligible(call, "33", uniqueOrganisation(), null);
        List<Task> closeTasks = tasks(close, REVIEW);
        taskService.complete(closeTasks.get(0).getId(), review(4, 4, 4, 4, 4, "Solide.", "SELECT"));
        taskService.complete(closeTasks.get(1).getId(), review(4, 3, 4, 4, 3, "Solide aussi.", "DISCUSS"));
        // (4*3 + 3.5*2 + 4*2 + 4*2 + 3.5*1) / 10 = 3.85
        assertThat(score(close)).isEqualByComparingTo("3.85");
        assertThat(disagreement(close)).isFalse();

        // Close scores but SELECT against REJECT → disagreement.
        ProcessInstance opposed = eligible(call, "33", uniqueOrganisation(), null);
        List<Task> opposedTasks = tasks(opposed, REVIEW);
        taskService.complete(opposedTasks.get(0).getId(), review(3, 3, 3, 3, 3, "Pourquoi pas.", "SELECT"));
        taskService.complete(opposedTasks.get(1).getId(), review(3, 3, 3, 3, 2, "Pas convaincu.", "REJECT"));
        assertThat(score(opposed)).isEqualByComparingTo("2.95");
        assertThat(disagreement(opposed)).isTrue();
    }

    // ---- reminder and escalation

    @Test
    void reminderBeforeTheDueDateThenEscalationToTheCoordinationWhoExtends() {
        ProgrammeCall call = call(1, 0, false, DEFAULT_WEIGHTS);
        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);
        Task task = single(pi, REVIEW);
        Instant due = call.closesAt().plus(Duration.ofDays(21)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(task.getDueDate().toInstant()).isEqualTo(due);

        Job reminder = timer(pi, "Timer_ReviewReminder");
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(due.minus(Duration.ofDays(3)));
        ClockUtil.setCurrentTime(Date.from(due.minus(Duration.ofDays(3)).plusSeconds(60)));
        managementService.executeJob(reminder.getId());
        String email = identityService.createUserQuery().userId(task.getAssignee()).singleResult().getEmail();
        OutboxRows.Mail mail = lastMail(pi);
        assertThat(mail.recipient()).isEqualTo(email);
        assertThat(mail.subject()).contains("Rappel").contains(pi.getBusinessKey());
        assertThat(pi).isWaitingAt(REVIEW).hasPassed("ServiceTask_SendReviewReminder");

        Job escalation = timer(pi, "Timer_ReviewEscalation");
        assertThat(escalation.getDuedate().toInstant()).isEqualTo(due.plus(Duration.ofDays(7)));
        ClockUtil.setCurrentTime(Date.from(due.plus(Duration.ofDays(7)).plusSeconds(60)));
        managementService.executeJob(escalation.getId());
        Task escalate = single(pi, "UserTask_EscalateReview");
        assertThat(escalate).hasCandidateGroup("kiif-coordination");
        assertThat(escalate.getDueDate()).isNotNull();

        assertThatThrownBy(() -> taskService.complete(escalate.getId(), Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choisissez une action");
        assertThatThrownBy(() -> taskService.complete(escalate.getId(), Map.of("escalationAction", "EXTEND", "newDueDate", "2000-01-01")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("postérieure");
        String newDate = due.plus(Duration.ofDays(30)).toString().substring(0, 10);
        taskService.complete(escalate.getId(), Map.of("escalationAction", "EXTEND", "newDueDate", newDate));
        Task extended = single(pi, REVIEW);
        assertThat(extended.getId()).isEqualTo(task.getId());
        assertThat(extended.getDueDate().toInstant()).isAfter(due.plus(Duration.ofDays(29)));
        assertThat(tasks(pi, "UserTask_EscalateReview")).isEmpty();
    }

    @Test
    void escalationCanReassignTheReviewToSomeoneElse() {
        ProgrammeCall call = call(1, 0, false, DEFAULT_WEIGHTS);
        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);
        Task task = single(pi, REVIEW);
        String late = task.getAssignee();
        Job escalation = timer(pi, "Timer_ReviewEscalation");
        ClockUtil.setCurrentTime(Date.from(escalation.getDuedate().toInstant().plusSeconds(60)));
        managementService.executeJob(escalation.getId());
        Task escalate = single(pi, "UserTask_EscalateReview");

        assertThatThrownBy(() -> taskService.complete(escalate.getId(), Map.of("escalationAction", "REASSIGN", "newReviewerId", late)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("évalue déjà");
        taskService.complete(escalate.getId(), Map.of("escalationAction", "REASSIGN", "newReviewerId", "ecossolies-1"));

        assertThat(single(pi, REVIEW).getAssignee()).isEqualTo("ecossolies-1");
        assertThat(reviewRows(pi)).extracting(row -> row.get("reviewer_id") + ":" + row.get("status"))
                .containsExactly(late + ":REASSIGNED", "ecossolies-1:ASSIGNED");
        taskService.complete(single(pi, REVIEW).getId(), review(4, 4, 4, 4, 4, "Rendu par la remplaçante.", "SELECT"));
        assertThat(pi).isWaitingAt("ReceiveTask_AwaitSelectionDecision");
    }

    // ---- decisions

    @Test
    void selectedGetsTheWelcomeMailAndTheTrackingPageShowsIt() {
        ProcessInstance pi = reviewed();
        decide(pi, "SELECTED", null);

        assertThat(pi).isEnded().hasPassed("ServiceTask_NotifySelected", "EndEvent_SelectionDecided");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.SELECTED);
        OutboxRows.Mail mail = lastMail(pi);
        assertThat(mail.subject()).contains("sélectionné");
        assertThat(mail.body()).contains("La suite").contains("plan d'accompagnement");
        assertThat(trackingPage(mail)).contains("Sélectionnée").contains("vous contacte pour démarrer l&#39;accompagnement")
                .contains("Votre projet est sélectionné");
    }

    @Test
    void waitlistedGetsItsRankAndWaitsUntilThePromotionWindowCloses() {
        ProcessInstance pi = reviewed();
        decide(pi, "WAITLISTED", 2);

        assertThat(pi).isWaitingAt("Gateway_AwaitPromotion");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.WAITLISTED);
        OutboxRows.Mail mail = lastMail(pi);
        assertThat(mail.subject()).contains("liste d'attente");
        assertThat(mail.body()).contains("au rang 2").contains("Et maintenant");
        assertThat(trackingPage(mail)).contains("Sur liste d&#39;attente").contains("Rang sur la liste d&#39;attente : 2.");

        Job window = timer(pi, "Timer_PromotionWindowClosed");
        assertThat(Duration.between(Instant.now(), window.getDuedate().toInstant())).isBetween(Duration.ofDays(59), Duration.ofDays(61));
        ClockUtil.setCurrentTime(Date.from(window.getDuedate().toInstant().plusSeconds(60)));
        managementService.executeJob(window.getId());
        assertThat(pi).isEnded().hasPassed("EndEvent_WaitlistClosed");
    }

    @Test
    void waitlistEndsWhenTheApplicationIsWithdrawn() {
        ProcessInstance pi = reviewed();
        decide(pi, "WAITLISTED", 1);
        runtimeService.createMessageCorrelation("ApplicationWithdrawn").processInstanceBusinessKey(pi.getBusinessKey()).correlate();

        assertThat(pi).isEnded().hasPassed("ServiceTask_RecordWithdrawal", "EndEvent_WithdrawnFromWaitlist");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.WITHDRAWN);
    }

    @Test
    void rejectedGetsTheReviewersCommentsWithoutTheirNames() {
        ProgrammeCall call = call(2, 0, false, DEFAULT_WEIGHTS);
        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);
        List<Task> tasks = tasks(pi, REVIEW);
        taskService.complete(tasks.get(0).getId(), review(2, 2, 2, 2, 2, "Le modèle économique reste à construire.", "REJECT"));
        taskService.complete(tasks.get(1).getId(), review(2, 3, 2, 2, 2, "Précisez les bénéficiaires visés.", "REJECT"));
        decide(pi, "REJECTED", null);

        assertThat(pi).isEnded().hasPassed("ServiceTask_NotifyRejected", "EndEvent_Rejected");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.REJECTED);
        OutboxRows.Mail mail = lastMail(pi);
        assertThat(mail.body()).contains("Le modèle économique reste à construire.").contains("Précisez les bénéficiaires visés.");
        for (Task task : tasks) {
            var user = identityService.createUserQuery().userId(task.getAssignee()).singleResult();
            assertThat(mail.body()).doesNotContain(task.getAssignee()).doesNotContain(user.getFirstName() + " " + user.getLastName())
                    .doesNotContain(user.getLastName());
        }
        assertThat(trackingPage(mail)).contains("Non retenue");
    }

    @Test
    void decisionWhileReviewsAreStillOpenClosesThem() {
        ProgrammeCall call = call(2, 0, false, DEFAULT_WEIGHTS);
        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);
        List<Task> tasks = tasks(pi, REVIEW);
        taskService.complete(tasks.get(0).getId(), review(4, 4, 4, 4, 4, "Intéressant.", "SELECT"));
        decide(pi, "SELECTED", null);

        assertThat(pi).isEnded().hasPassed("ServiceTask_CancelOpenReviews", "EndEvent_SelectionDecided")
                .hasNotPassed("ServiceTask_ComputeScore");
        assertThat(reviewRows(pi)).extracting(row -> row.get("status")).containsExactlyInAnyOrder("DONE", "CANCELLED");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.SELECTED);
    }

    // ---- authorization

    @Test
    void aReviewerSeesAndCompletesOnlyTheirOwnReviewTask() throws Exception {
        ProgrammeCall call = call(2, 0, false, DEFAULT_WEIGHTS);
        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);
        String atis1Task = tasks(pi, REVIEW).stream().filter(t -> t.getAssignee().equals("atis-1")).findFirst().orElseThrow().getId();
        String atis2Task = tasks(pi, REVIEW).stream().filter(t -> t.getAssignee().equals("atis-2")).findFirst().orElseThrow().getId();
        String query = "/engine-rest/task?processInstanceId=" + pi.getId();

        assertThat(restTaskIds("atis-1", query)).containsExactly(atis1Task);
        assertThat(restTaskIds("atis-2", query)).containsExactly(atis2Task);
        assertThat(restTaskIds("ronalpia-1", query)).isEmpty();
        assertThat(restTaskIds("coordination-1", query)).containsExactlyInAnyOrder(atis1Task, atis2Task);
        assertThat(http.withBasicAuth("atis-2", "demo").getForEntity("/engine-rest/task/" + atis1Task + "/form-variables", String.class)
                .getStatusCode().is2xxSuccessful()).isFalse();

        String body = """
                {"variables":{"scoreSocialImpact":{"value":"4"},"scoreInnovation":{"value":"3"},"scoreTeam":{"value":"4"},
                "scoreEconomicModel":{"value":"3"},"scoreThemeFit":{"value":"5"},"conflictOfInterest":{"value":false},
                "reviewComment":{"value":"Projet utile."},"recommendation":{"value":"SELECT"}}}""";
        assertThat(complete("atis-2", atis1Task, body).getStatusCode().is2xxSuccessful()).isFalse();
        ResponseEntity<String> form = http.withBasicAuth("atis-1", "demo")
                .getForEntity("/engine-rest/task/" + atis1Task + "/deployed-form", String.class);
        assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("review-application").contains("Impact social");
        assertThat(complete("atis-1", atis1Task, body).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(reviewRows(pi)).extracting(row -> row.get("reviewer_id") + ":" + row.get("status"))
                .contains("atis-1:DONE", "atis-2:ASSIGNED");
    }

    // ---- helpers

    private ProcessInstance reviewed() {
        ProgrammeCall call = call(1, 0, false, DEFAULT_WEIGHTS);
        ProcessInstance pi = eligible(call, "33", uniqueOrganisation(), null);
        taskService.complete(single(pi, REVIEW).getId(), review(4, 4, 4, 4, 4, "Projet solide et utile.", "SELECT"));
        assertThat(pi).isWaitingAt("ReceiveTask_AwaitSelectionDecision");
        return pi;
    }

    private void decide(ProcessInstance pi, String decision, Integer rank) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decision", decision);
        variables.put("waitlistRank", rank);
        runtimeService.createMessageCorrelation("SelectionDecision").processInstanceBusinessKey(pi.getBusinessKey())
                .setVariables(variables).correlate();
    }

    private ProgrammeCall call(int territorial, int cross, boolean blind, Map<String, Integer> weights) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        List<Criterion> criteria = new ArrayList<>();
        for (ReviewCriteria criterion : ReviewCriteria.values()) {
            criteria.add(new Criterion(criterion.code(), criterion.label(), "Repères.", weights.getOrDefault(criterion.code(), 0)));
        }
        ProgrammeCall call = new ProgrammeCall("test-" + suffix, "fin-de-vie", "Fin de vie et deuil",
                "Appel de test " + suffix, "Un appel de test.", "Tout le monde.", "R" + suffix.substring(0, 6).toUpperCase(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), List.of("gironde", "lyon-ain"),
                EnumSet.allOf(LegalForm.class), EnumSet.allOf(Stage.class), Duration.ofDays(14), Duration.ofDays(10), criteria);
        calls.insert(call);
        calls.saveSelectionSettings(call.id(), new SelectionSettings(Map.of("atis", 2, "ronalpia", 2), 4, 2, territorial, cross,
                Duration.ofDays(21), Duration.ofDays(3), Duration.ofDays(7), blind, List.of(), Duration.ofDays(60),
                Duration.ofDays(270), Duration.ofDays(28)));
        return call;
    }

    private Application submitOnly(ProgrammeCall call, String departement, String organisation) {
        ApplicationForm form = ApplicationForms.valid(departement, "porteur-" + UUID.randomUUID() + "@example.org");
        form.setOrganisationName(organisation);
        form.setSiret(null);
        SubmissionResult result = submissions.submit(call.id(), form, Optional.empty(), null);
        return applications.findByReference(result.reference()).orElseThrow();
    }

    private ProcessInstance eligible(ProgrammeCall call, String departement, String organisation, String siret) {
        ApplicationForm form = ApplicationForms.valid(departement, "porteur-" + UUID.randomUUID() + "@example.org");
        form.setOrganisationName(organisation);
        form.setSiret(siret);
        SubmissionResult result = submissions.submit(call.id(), form, Optional.empty(), null);
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(result.reference())
                .processDefinitionKey("application").singleResult();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        Task check = single(pi, "UserTask_CheckEligibility");
        taskService.complete(check.getId(), Map.of("eligibilityOutcome", "ELIGIBLE"));
        return pi;
    }

    private static Map<String, Object> review(int socialImpact, int innovation, int team, int economicModel, int themeFit,
            String comment, String recommendation) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("conflictOfInterest", false);
        variables.put("scoreSocialImpact", socialImpact);
        variables.put("scoreInnovation", innovation);
        variables.put("scoreTeam", team);
        variables.put("scoreEconomicModel", economicModel);
        variables.put("scoreThemeFit", themeFit);
        variables.put("reviewComment", comment);
        variables.put("recommendation", recommendation);
        return variables;
    }

    private List<Task> tasks(ProcessInstance pi, String activityId) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId)
                .orderByTaskAssignee().asc().list();
    }

    private Task single(ProcessInstance pi, String activityId) {
        List<Task> tasks = tasks(pi, activityId);
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private List<String> reviewers(ProcessInstance pi) {
        return tasks(pi, REVIEW).stream().map(Task::getAssignee).toList();
    }

    private List<Map<String, Object>> reviewRows(ProcessInstance pi) {
        return jdbc.sql("select * from review where application_id = ? order by id").param(application(pi).id())
                .query().listOfRows();
    }

    private static String reviewer(List<Map<String, Object>> rows, String kind) {
        return rows.stream().filter(row -> kind.equals(row.get("kind"))).map(row -> (String) row.get("reviewer_id"))
                .findFirst().orElseThrow();
    }

    private BigDecimal score(ProcessInstance pi) {
        return jdbc.sql("select weighted_score from application_score where application_id = ?").param(application(pi).id())
                .query(BigDecimal.class).single();
    }

    private boolean disagreement(ProcessInstance pi) {
        return jdbc.sql("select disagreement from application_score where application_id = ?").param(application(pi).id())
                .query(Boolean.class).single();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    private Application application(ProcessInstance pi) {
        return applications.findByReference(pi.getBusinessKey()).orElseThrow();
    }

    private OutboxRows.Mail lastMail(ProcessInstance pi) {
        List<OutboxRows.Mail> mails = OutboxRows.forApplication(jdbc, pi.getBusinessKey());
        return mails.get(mails.size() - 1);
    }

    private String trackingPage(OutboxRows.Mail mail) {
        String link = mail.link("/suivi/");
        ResponseEntity<String> page = http.getForEntity(link.substring(link.indexOf("/suivi/")), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        return page.getBody();
    }

    private List<String> restTaskIds(String user, String path) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        for (JsonNode task : json.readTree(response.getBody())) {
            ids.add(task.get("id").asText());
        }
        return ids;
    }

    private ResponseEntity<String> complete(String user, String taskId, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/" + taskId + "/complete",
                new HttpEntity<>(body, headers), String.class);
    }

    private static String uniqueOrganisation() {
        return "Structure " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String uniqueSiret() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000_000_000L, 99_999_999_999_999L));
    }
}
