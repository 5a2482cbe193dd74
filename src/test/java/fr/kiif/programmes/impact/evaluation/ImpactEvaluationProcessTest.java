package fr.kiif.programmes.impact.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
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
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.ImpactEvaluations;
import fr.kiif.programmes.support.OutboxRows;
import fr.kiif.programmes.support.SpringTestBase;

/** Every path of impact-evaluation, started by cohort-support after onboarding (BASELINE), with the engine clock moved. */
class ImpactEvaluationProcessTest extends SpringTestBase {

    @Autowired CohortFixtures fixtures;
    @Autowired ImpactEvaluations impact;
    @Autowired ImpactEvaluationService service;
    @Autowired ProcessEngine processEngine;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
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

    /** The task is due the call's delay after it was created (the two instants are read a moment apart). */
    private void assertDueAfter(Task task, ProcessInstance pi, String delayVariable) {
        Duration delay = Duration.parse((String) processEngine.getRuntimeService().getVariable(pi.getId(), delayVariable));
        assertThat(Duration.between(task.getCreateTime().toInstant(), task.getDueDate().toInstant()))
                .isBetween(delay, delay.plusSeconds(2));
    }

    @Test
    void answeredByTheLaureateThenAssessedByTheCoach() {
        String ref = onboardedLaureate();
        ProcessInstance pi = impact.instance(ref, ImpactPhase.BASELINE);
        assertThat(pi).isWaitingAt("ReceiveTask_AwaitAnswers");
        assertThat(impact.evaluation(ref, ImpactPhase.BASELINE).status()).isEqualTo(EvaluationStatus.SENT);
        OutboxRows.Mail mail = lastMail(ref);
        assertThat(mail.subject()).contains("questionnaire d'impact");
        assertThat(mail.body()).containsPattern("/suivi/[A-Za-z0-9_-]{43}/impact/baseline");

        impact.answer(ref, ImpactPhase.BASELINE);
        assertThat(impact.evaluation(ref, ImpactPhase.BASELINE).status()).isEqualTo(EvaluationStatus.SUBMITTED);
        Task assess = impact.assessmentTask(ref, ImpactPhase.BASELINE);
        assertThat(groups(assess)).containsExactly("incubator-atis");
        assertThat(assess.getAssignee()).startsWith("atis-");
        assertDueAfter(assess, pi, "impactAssessmentDelay");
        // The coach reads each answer beside its checkbox; a sensitive answer stays behind the link.
        assertThat(taskService.getVariable(assess.getId(), "impactIndicatorOptions").toString()).contains("team-size")
                .contains("Nombre de personnes dans l'équipe : 3 personnes")
                .contains("Sentiment d'isolement dans le projet : réponse confidentielle")
                .doesNotContain("Sentiment d'isolement dans le projet : 3");
        assertThat(taskService.getVariable(assess.getId(), "impactPhaseLabel")).isEqualTo("Mesure à l'entrée");

        // Server-side checks, in French
        assertThatThrownBy(() -> taskService.complete(assess.getId(), Map.of("assessmentComment", "Bien.")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("de 1 à 5");
        assertThatThrownBy(() -> taskService.complete(assess.getId(), assessment("6", "[]", null)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("de 1 à 5");
        assertThatThrownBy(() -> taskService.complete(assess.getId(), assessment("4", "[\"team-size\"]", null)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("expliquez pourquoi");
        assertThatThrownBy(() -> taskService.complete(assess.getId(), assessment("4", "[\"unknown\"]", "x")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("seules des valeurs saisies");

        taskService.complete(assess.getId(), assessment("4", "[\"team-size\"]", "Équipe déclarée bien plus grande qu'au dossier."));
        assertThat(pi).isEnded().hasPassed("ServiceTask_RecordAssessment", "EndEvent_EvaluationAssessed");
        Evaluation done = impact.evaluation(ref, ImpactPhase.BASELINE);
        assertThat(done.status()).isEqualTo(EvaluationStatus.ASSESSED);
        assertThat(done.contributionAssessment()).isEqualTo(4);
        assertThat(done.submittedBy()).isEqualTo("LAUREATE");
        Map<String, StoredValue> values = service.values(done);
        assertThat(values.get("team-size").implausible()).isTrue();
        assertThat(values.get("founder-paid").number()).isEqualByComparingTo("1");
        assertThat(values.get("jobs-fte").number()).isEqualByComparingTo("1.5");
        assertThat(values.get("territorial-cooperation").text()).isEqualTo("NONE");
    }

    @Test
    void remindedThenAnswered() {
        String ref = onboardedLaureate();
        ProcessInstance pi = impact.instance(ref, ImpactPhase.BASELINE);
        // P7D reminders within P21D: two of them, at 7 and 14 days.
        fire(pi, "Timer_QuestionnaireReminder");
        assertThat(lastMail(ref).subject()).startsWith("Rappel").contains("questionnaire d'impact");
        fire(pi, "Timer_QuestionnaireReminder");
        assertThat(mails(ref).stream().filter(m -> m.subject().startsWith("Rappel")).count()).isEqualTo(2);
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Timer_QuestionnaireReminder").count())
                .isZero();
        assertThat(pi).isWaitingAt("ReceiveTask_AwaitAnswers");

        impact.complete(ref, ImpactPhase.BASELINE);
        assertThat(pi).isEnded();
        assertThat(impact.evaluation(ref, ImpactPhase.BASELINE).status()).isEqualTo(EvaluationStatus.ASSESSED);
    }

    @Test
    void reminderTimerFollowsTheCallsDelay() {
        ProgrammeCall call = fixtures.supportCall();
        calls.saveImpactDelays(call.id(), new ImpactDelays(Duration.ofDays(3), Duration.ofDays(21), Duration.ofDays(14),
                Duration.ofDays(14)));
        Instant before = Instant.now();
        String ref = onboardedLaureate(call);
        Instant after = Instant.now();

        Job reminder = managementService.createJobQuery().processInstanceId(impact.instance(ref, ImpactPhase.BASELINE).getId())
                .activityId("Timer_QuestionnaireReminder").singleResult();
        assertThat(reminder.getDuedate().toInstant())
                .isBetween(before.plus(Duration.ofDays(3)).minusSeconds(1), after.plus(Duration.ofDays(3)).plusSeconds(1));
    }

    @Test
    void expiredThenCollectedAndEnteredByTheCoachThenAssessed() {
        String ref = onboardedLaureate();
        ProcessInstance pi = impact.instance(ref, ImpactPhase.BASELINE);
        Evaluation evaluation = impact.evaluation(ref, ImpactPhase.BASELINE);
        // The laureate saved one page, then nothing.
        service.saveByLaureate(evaluation, service.indicators(evaluation), Map.of("founder-confidence", "2"));

        fire(pi, "Timer_QuestionnaireExpired");
        assertThat(impact.evaluation(ref, ImpactPhase.BASELINE).status()).isEqualTo(EvaluationStatus.COLLECTING);
        Task collect = single(pi, "UserTask_CollectImpactAnswers");
        assertThat(groups(collect)).containsExactly("incubator-atis");
        assertDueAfter(collect, pi, "impactCollectionDelay");
        // The laureate's link no longer accepts answers
        Evaluation expired = impact.evaluation(ref, ImpactPhase.BASELINE);
        assertThatThrownBy(() -> service.saveByLaureate(expired, service.indicators(expired), Map.of()))
                .isInstanceOf(QuestionnaireClosedException.class).hasMessageContaining("délai pour répondre");
        assertThatThrownBy(() -> service.submitByLaureate(expired, ref)).isInstanceOf(QuestionnaireClosedException.class);

        // Completing before the answers are entered is refused
        assertThatThrownBy(() -> taskService.complete(collect.getId(), Map.of("answersEntered", true)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Réponses incomplètes")
                .hasMessageContaining("Nombre de personnes dans l'équipe");

        fire(pi, "Timer_CollectionOverdue");
        assertThat(mails(ref)).anySatisfy(m -> {
            assertThat(m.subject()).startsWith("Évaluation d'impact en retard");
            assertThat(m.recipient()).isEqualTo("coordination@kiif.fr");
        });

        Map<String, String> bad = new HashMap<>(impact.validAnswers(expired));
        bad.put("own-revenue-share", "120");
        assertThat(service.saveByCoach(expired, service.indicators(expired), bad)).containsOnlyKeys("own-revenue-share");
        assertThat(service.saveByCoach(expired, service.indicators(expired), impact.validAnswers(expired))).isEmpty();
        taskService.complete(collect.getId(), Map.of("answersEntered", true));
        Evaluation entered = impact.evaluation(ref, ImpactPhase.BASELINE);
        assertThat(entered.status()).isEqualTo(EvaluationStatus.ENTERED);
        assertThat(entered.submittedBy()).isEqualTo("COACH");

        fire(pi, "Timer_AssessmentOverdue");
        assertThat(mails(ref).stream().filter(m -> m.subject().startsWith("Évaluation d'impact en retard")).count()).isEqualTo(2);
        impact.assess(ref, ImpactPhase.BASELINE);
        assertThat(pi).isEnded().hasPassed("UserTask_CollectImpactAnswers", "UserTask_AssessImpact");
        assertThat(impact.evaluation(ref, ImpactPhase.BASELINE).status()).isEqualTo(EvaluationStatus.ASSESSED);
    }

    @Test
    void midTermMeasurementIsSkippedWhenTheSetDoesNotAskForIt() {
        String ref = onboardedLaureate();
        ProcessInstance support = support(ref);
        // The shipped sets ask for MIDTERM; the gateway reads the flag computed when the period starts.
        processEngine.getRuntimeService().setVariable(support.getId(), "impactMidTermAsked", false);
        fire(support, "Timer_MidTerm");
        taskService.complete(single(support, "UserTask_MidTermReview").getId(),
                Map.of("continueSupport", true, "midTermSummary", "Bien."));
        assertThat(support).hasPassed("Gateway_MidTermJoin").hasNotPassed("CallActivity_MidTermImpact").isWaitingAt("Timer_SupportEnd");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("impact-evaluation")
                .processInstanceBusinessKey(ref).variableValueEquals("phase", "MIDTERM").count()).isZero();
    }

    // ---- helpers

    private String onboardedLaureate() {
        return onboardedLaureate(fixtures.supportCall());
    }

    private String onboardedLaureate(ProgrammeCall call) {
        String ref = fixtures.laureate(call, "33");
        ProcessInstance support = support(ref);
        Map<String, Object> plan = new HashMap<>();
        plan.put("kickoffDate", "2026-03-02");
        plan.put("supportObjectives", "[{\"objective\":\"A\",\"target\":\"a\",\"dueMonth\":1},"
                + "{\"objective\":\"B\",\"target\":\"b\",\"dueMonth\":2},{\"objective\":\"C\",\"target\":\"c\",\"dueMonth\":3}]");
        plan.put("expectedSupportHours", 30);
        taskService.complete(single(support, "UserTask_Onboarding").getId(), plan);
        return ref;
    }

    private ProcessInstance support(String ref) {
        return processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(ref).singleResult();
    }

    private static Map<String, Object> assessment(String contribution, String flagged, String note) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("contributionAssessment", contribution);
        variables.put("assessmentComment", "Appréciation.");
        variables.put("implausibleIndicators", flagged);
        variables.put("implausibleNote", note);
        return variables;
    }

    private List<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null)
                .map(l -> l.getGroupId()).toList();
    }

    private Task single(ProcessInstance pi, String activityId) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private void fire(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().list().stream()
                .min(Comparator.comparing(Job::getDuedate)).orElseThrow(() -> new AssertionError("No timer " + activityId));
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        }
        managementService.executeJob(job.getId());
    }

    private List<OutboxRows.Mail> mails(String ref) {
        return OutboxRows.forApplication(jdbc, ref);
    }

    private OutboxRows.Mail lastMail(String ref) {
        List<OutboxRows.Mail> mails = mails(ref);
        return mails.get(mails.size() - 1);
    }
}
