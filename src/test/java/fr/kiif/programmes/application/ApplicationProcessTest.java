package fr.kiif.programmes.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.DemoCallSeeder;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.call.SelectionSettings;
import fr.kiif.programmes.support.ApplicationForms;
import fr.kiif.programmes.support.OutboxRows;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.TestCalls;

/** Every path of the {@code application} process so far, on the real engine and services. */
class ApplicationProcessTest extends SpringTestBase {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ApplicationSubmissionService submissions;
    @Autowired ApplicationRepository applications;
    @Autowired EligibilityCheckService checkService;
    @Autowired JdbcClient jdbc;
    @Autowired CallRepository calls;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void submissionIsAcknowledgedRoutedAndWaitsForTheTerritorialIncubator() {
        ProcessInstance pi = submitAndRoute("33");

        assertThat(pi).hasPassed("ServiceTask_SendAcknowledgement", "ServiceTask_RouteApplication",
                "ServiceTask_ApplyEligibilityRules", "ServiceTask_PrepareEligibilityCheck");
        assertThat(pi).isWaitingAt("UserTask_CheckEligibility");
        assertThat(pi).variables().containsEntry("territory", "gironde").containsEntry("incubatorSlug", "atis")
                .containsEntry("incubatorGroup", "incubator-atis").containsEntry("eligibilityRecommendation", "ELIGIBLE");
        Task task = task(pi);
        assertThat(task).hasCandidateGroup("incubator-atis").hasName("Vérifier l'éligibilité");
        assertThat(task.getDueDate()).isNotNull();
        Application application = application(pi);
        assertThat(application.status()).isEqualTo(ApplicationStatus.IN_CHECK);
        assertThat(application.incubatorSlug()).isEqualTo("atis");
        List<OutboxRows.Mail> mails = OutboxRows.forApplication(jdbc, application.reference());
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains("bien reçue").contains(application.reference());
            assertThat(mail.link("/suivi/")).startsWith("http://localhost:8080/suivi/");
        });
    }

    @Test
    void formVariablesHoldTheSummaryButNotTheContactPerson() {
        ProcessInstance pi = submitAndRoute("33");
        String summary = runtimeService.getVariableTyped(pi.getId(), "applicationSummary").getValue().toString();
        assertThat(summary).contains("Café mortel itinérant").contains("Gironde").doesNotContain("Inès").doesNotContain("@example.org");
        String reasons = runtimeService.getVariableTyped(pi.getId(), "eligibilityReasons").getValue().toString();
        assertThat(reasons).contains("Territoire, forme juridique et stade acceptés");
    }

    @Test
    void eligibleApplicationWaitsForReviewThenEndsOnSelectionDecision() {
        ProcessInstance pi = submitAndRoute("33");
        decide(pi, "ELIGIBLE", null);

        assertThat(pi).isWaitingAt("UserTask_ReviewApplication").hasPassed("ServiceTask_NotifyEligible", "ServiceTask_StartReviews");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.IN_REVIEW);
        assertThat(lastMail(pi).subject()).contains("éligible").doesNotContain("non éligible");
        assertThat(lastMail(pi).body()).contains("et par un incubateur d'un autre territoire");

        runtimeService.createMessageCorrelation("SelectionDecision").processInstanceBusinessKey(pi.getBusinessKey())
                .setVariable("decision", "SELECTED").correlate();
        assertThat(pi).isEnded().hasPassed("ServiceTask_CancelOpenReviews", "EndEvent_SelectionDecided");
    }

    @Test
    void eligibleMailDoesNotPromiseACrossReviewWhenTheCallHasNone() {
        ProgrammeCall call = TestCalls.insert(calls, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
        SelectionSettings settings = calls.selectionSettings(call.id());
        calls.saveSelectionSettings(call.id(), new SelectionSettings(settings.quotas(), settings.cohortSize(),
                settings.waitlistSize(), 1, 0, settings.reviewDeadline(), settings.reviewReminderBefore(),
                settings.escalationAfter(), false, settings.juryMembers(), settings.promotionWindow(),
                settings.supportDuration(), settings.checkInEvery()));
        SubmissionResult result = submissions.submit(call.id(), ApplicationForms.valid("33", uniqueEmail()), Optional.empty(), null);
        ProcessInstance pi = instance(result.reference());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        decide(pi, "ELIGIBLE", null);

        assertThat(lastMail(pi).body()).contains("évaluée par l'incubateur de votre territoire, avant le jury")
                .doesNotContain("autre territoire");
    }

    @Test
    void ineligibleNeedsACommentWhichIsSentToTheApplicant() {
        ProcessInstance pi = submitAndRoute("33");
        Task task = task(pi);

        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("eligibilityOutcome", "INELIGIBLE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("raison de la non-éligibilité");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("eligibilityOutcome", "INELIGIBLE", "eligibilityComment", "  ")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(pi).isWaitingAt("UserTask_CheckEligibility");

        decide(pi, "INELIGIBLE", "Le projet n'est pas encore porté par une équipe.");
        assertThat(pi).isEnded().hasPassed("ServiceTask_NotifyIneligible", "EndEvent_Ineligible");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(lastMail(pi).body()).contains("Le projet n'est pas encore porté par une équipe.");
    }

    @Test
    void unknownOrMissingOutcomeIsRefused() {
        ProcessInstance pi = submitAndRoute("33");
        Task task = task(pi);
        assertThatThrownBy(() -> taskService.complete(task.getId()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choisissez une décision");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("eligibilityOutcome", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choisissez une décision");
        assertThat(pi).isWaitingAt("UserTask_CheckEligibility");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.IN_CHECK);
    }

    @Test
    void incompleteAsksTheApplicantAndTheAnswerBringsTheTaskBack() {
        ProcessInstance pi = submitAndRoute("33");
        assertThatThrownBy(() -> taskService.complete(task(pi).getId(), Map.of("eligibilityOutcome", "INCOMPLETE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ce qui manque");

        decide(pi, "INCOMPLETE", "Merci de joindre votre budget prévisionnel.");
        assertThat(pi).isWaitingAt("ReceiveTask_AwaitCompletion");
        Application application = application(pi);
        assertThat(application.status()).isEqualTo(ApplicationStatus.COMPLETION_REQUESTED);
        OutboxRows.Mail request = lastMail(pi);
        assertThat(request.body()).contains("Merci de joindre votre budget prévisionnel.");
        assertThat(request.link("/complement")).contains("/suivi/");

        assertThat(checkService.answerCompletion(application.id(), "Budget : 40 000 € la première année.", Optional.empty())).isTrue();
        assertThat(pi).isWaitingAt("UserTask_CheckEligibility");
        assertThat(runtimeService.getVariable(pi.getId(), "eligibilityOutcome")).isNull();
        assertThat(runtimeService.getVariableTyped(pi.getId(), "applicationSummary").getValue().toString())
                .contains("Budget : 40 000 € la première année.");
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.COMPLETION_RECEIVED);
        // A second answer finds nothing awaited.
        assertThat(checkService.answerCompletion(application.id(), "Encore", Optional.empty())).isFalse();

        decide(pi, "ELIGIBLE", null);
        assertThat(pi).isWaitingAt("UserTask_ReviewApplication");
        assertThat(applications.events(application.id())).extracting(ApplicationEvent::status).containsExactly(
                ApplicationStatus.SUBMITTED, ApplicationStatus.IN_CHECK, ApplicationStatus.COMPLETION_REQUESTED,
                ApplicationStatus.COMPLETION_RECEIVED, ApplicationStatus.ELIGIBLE, ApplicationStatus.IN_REVIEW);
    }

    @Test
    void noAnswerBeforeTheCallsCompletionDelayMakesTheApplicationIneligible() {
        ProcessInstance pi = submitAndRoute("33");
        decide(pi, "INCOMPLETE", "Merci de préciser votre modèle économique.");
        Job expiry = timer(pi, "Timer_CompletionExpired");
        assertThat(managementService.createJobQuery().jobId(expiry.getId()).executable().count()).isZero();

        Duration delay = Duration.parse((String) runtimeService.getVariable(pi.getId(), "completionDelay"));
        assertThat(delay).isEqualTo(Duration.ofDays(14));
        moveClock(delay.plusMinutes(1));
        assertThat(managementService.createJobQuery().jobId(expiry.getId()).executable().count()).isOne();
        managementService.executeJob(expiry.getId());

        assertThat(pi).isEnded().hasPassed("ServiceTask_CloseUnanswered", "EndEvent_NoCompletion");
        Application application = application(pi);
        assertThat(application.status()).isEqualTo(ApplicationStatus.INELIGIBLE);
        assertThat(lastMail(pi).body()).contains(EligibilityCheckService.NO_ANSWER_REASON);
        assertThat(checkService.answerCompletion(application.id(), "Trop tard", Optional.empty())).isFalse();
    }

    @Test
    void overdueCheckIsEscalatedToTheCoordinationAndTheTaskStays() {
        ProcessInstance pi = submitAndRoute("33");
        Job overdue = timer(pi, "Timer_EligibilityCheckOverdue");
        moveClock(Duration.ofDays(10).plusMinutes(1));
        managementService.executeJob(overdue.getId());

        assertThat(pi).isWaitingAt("UserTask_CheckEligibility").hasPassed("ServiceTask_EscalateEligibilityCheck");
        OutboxRows.Mail escalation = lastMail(pi);
        assertThat(escalation.recipient()).isEqualTo("coordination@kiif.fr");
        assertThat(escalation.subject()).contains("Vérification en retard");
        assertThat(escalation.body()).contains("incubator-atis");
    }

    @Test
    void departementWithoutIncubatorGoesToTheCoordinationWithAnIneligibleRecommendationOnly() {
        ProcessInstance pi = submitAndRoute("23");
        assertThat(pi).isWaitingAt("UserTask_CheckEligibility");
        assertThat(task(pi)).hasCandidateGroup("kiif-coordination");
        assertThat(pi).variables().containsEntry("territory", "hors-territoire")
                .containsEntry("eligibilityRecommendation", "INELIGIBLE");
        // The rules only recommend: the application is not ineligible until a person decides.
        assertThat(application(pi).status()).isEqualTo(ApplicationStatus.IN_CHECK);
    }

    @Test
    void routingRunsAsAJobSoASubmissionIsKeptEvenIfRoutingFailsLater() {
        SubmissionResult result = submissions.submit(DemoCallSeeder.CALL_ID,
                ApplicationForms.valid("33", uniqueEmail()), Optional.empty(), null);
        ProcessInstance pi = instance(result.reference());
        assertThat(pi).isWaitingAt("ServiceTask_RouteApplication");
        assertThat(job(pi)).isNotNull();
        assertThat(result.status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    private ProcessInstance submitAndRoute(String departement) {
        SubmissionResult result = submissions.submit(DemoCallSeeder.CALL_ID,
                ApplicationForms.valid(departement, uniqueEmail()), Optional.empty(), null);
        ProcessInstance pi = instance(result.reference());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
        return pi;
    }

    private ProcessInstance instance(String reference) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("application").singleResult();
    }

    private static org.camunda.bpm.engine.runtime.Job job(ProcessInstance pi) {
        return BpmnAwareTests.job(pi);
    }

    private void decide(ProcessInstance pi, String outcome, String comment) {
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("eligibilityOutcome", outcome);
        if (comment != null) {
            variables.put("eligibilityComment", comment);
        }
        taskService.complete(task(pi).getId(), variables);
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_CheckEligibility").singleResult();
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

    private static void moveClock(Duration by) {
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(by)));
    }

    private static String uniqueEmail() {
        return "porteur-" + UUID.randomUUID() + "@example.org";
    }
}
