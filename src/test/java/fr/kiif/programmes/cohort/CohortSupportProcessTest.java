package fr.kiif.programmes.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;
import fr.kiif.programmes.application.ApplicationSubmissionService;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.impact.ImpactPhase;
import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.ImpactEvaluations;
import fr.kiif.programmes.support.OutboxRows;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * {@code cohort-support} on the real engine and services. Laureates come from the real application
 * process: submitted, checked, reviewed by one territorial reviewer, then the SelectionDecision
 * message (as the call process sends it); waitlist ranks are written to jury_decision as the jury does.
 */
class CohortSupportProcessTest extends SpringTestBase {

    @Autowired CohortFixtures fixtures;
    @Autowired ImpactEvaluations impact;
    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ApplicationSubmissionService submissions;
    @Autowired ApplicationRepository applications;
    @Autowired CallRepository calls;
    @Autowired WithdrawalService withdrawals;
    @Autowired CoachReassignmentService reassignment;
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
    void fullShortSupportWithAllCheckInsReviewsAndClosingEmail() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        ProcessInstance pi = support(ref);
        Task onboarding = single(pi, "UserTask_Onboarding");
        assertThat(onboarding.getAssignee()).startsWith("atis-");
        assertThat(onboarding.getDueDate()).isNotNull();
        assertThat(support(ref, "status")).isEqualTo("ONBOARDING");

        // Server validation, in French
        assertThatThrownBy(() -> taskService.complete(onboarding.getId(), Map.of("expectedSupportHours", 40)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("date de lancement");
        assertThatThrownBy(() -> taskService.complete(onboarding.getId(), plan(2, 40)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("de 3 à 5 objectifs");
        Map<String, Object> badMonth = plan(3, 40);
        badMonth.put("supportObjectives", "[{\"objective\":\"a\",\"target\":\"b\",\"dueMonth\":1},"
                + "{\"objective\":\"a\",\"target\":\"b\",\"dueMonth\":2},{\"objective\":\"a\",\"target\":\"b\",\"dueMonth\":9}]");
        assertThatThrownBy(() -> taskService.complete(onboarding.getId(), badMonth))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("mois d'échéance");
        assertThatThrownBy(() -> taskService.complete(onboarding.getId(), plan(3, 0)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("heures d'accompagnement prévues");
        assertThat(pi).isWaitingAt("UserTask_Onboarding");

        taskService.complete(onboarding.getId(), plan(3, 40));
        // The baseline measurement runs beside the support period: check-ins are already planned.
        assertThat(pi).isWaitingAt("CallActivity_BaselineImpact", "Timer_MidTerm");
        assertThat(support(ref, "status")).isEqualTo("ACTIVE");
        assertThat(applications.findByReference(ref).orElseThrow().status()).isEqualTo(ApplicationStatus.IN_SUPPORT);
        assertThat(jdbc.sql("select count(*) from support_objective a join application b on a.application_id = b.id where b.reference = ?")
                .param(ref).query(Integer.class).single()).isEqualTo(3);
        OutboxRows.Mail planMail = mails(ref).stream().filter(m -> m.subject().contains("plan d'accompagnement")).findFirst()
                .orElseThrow();
        assertThat(lastMail(ref).subject()).contains("questionnaire d'impact");
        assertThat(planMail.body()).contains("Objectif 1").contains("Cible 2").contains("40 heures");

        assertThat(support(ref, "next_check_in_at")).isNotNull();
        impact.complete(ref, ImpactPhase.BASELINE);
        assertThat(pi).hasPassed("CallActivity_BaselineImpact", "EndEvent_BaselineDone");

        // P90D / P28D: check-ins at 28, 56 and 84 days, mid-term at 45 days
        Task first = checkInAfterCycle(pi);
        assertThatThrownBy(() -> taskService.complete(first.getId(), checkIn(0, "LOW")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("supérieur à 0");
        assertThatThrownBy(() -> taskService.complete(first.getId(), checkIn(2, "TERRIBLE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("niveau de risque");
        Map<String, Object> noProgress = checkIn(2, "LOW");
        noProgress.put("objectivesProgress", "[]");
        assertThatThrownBy(() -> taskService.complete(first.getId(), noProgress))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("avancement de chacun des 3 objectifs");
        taskService.complete(first.getId(), checkIn(2.5, "LOW"));

        fire(pi, "Timer_MidTerm");
        Task midTerm = single(pi, "UserTask_MidTermReview");
        assertThatThrownBy(() -> taskService.complete(midTerm.getId(), Map.of("continueSupport", true)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("synthèse");
        taskService.complete(midTerm.getId(), Map.of("continueSupport", true, "midTermSummary", "Tout va bien."));
        // The call's set asks for a mid-term measurement: check-ins go on meanwhile.
        assertThat(pi).isWaitingAt("CallActivity_MidTermImpact");
        impact.complete(ref, ImpactPhase.MIDTERM);
        assertThat(pi).isWaitingAt("Timer_SupportEnd");

        taskService.complete(checkInAfterCycle(pi).getId(), checkIn(3, "MEDIUM"));
        taskService.complete(checkInAfterCycle(pi).getId(), checkIn(4, "LOW"));
        assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId("Timer_CheckInDue").count()).isZero();
        assertThat(jdbc.sql("select count(*) from check_in c join application a on a.id = c.application_id where a.reference = ?")
                .param(ref).query(Integer.class).single()).isEqualTo(3);

        fire(pi, "Timer_SupportEnd");
        Task finalReview = single(pi, "UserTask_FinalReview");
        assertThatThrownBy(() -> taskService.complete(finalReview.getId(), Map.of("finalSummary", "Bilan.",
                "objectivesReached", "[{\"reached\":true}]")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("chacun des 3 objectifs");
        taskService.complete(finalReview.getId(), Map.of("finalSummary", "Bilan positif.", "objectivesReached",
                "[{\"reached\":true},{\"reached\":false,\"comment\":\"Reporté\"},{\"reached\":true}]"));
        assertThat(pi).isWaitingAt("CallActivity_FinalImpact");
        impact.complete(ref, ImpactPhase.FINAL);

        assertThat(pi).isEnded().hasPassed("ServiceTask_SendClosingEmail", "EndEvent_SupportFinished");
        assertThat(jdbc.sql("select e.phase || ':' || e.status from impact_evaluation e join application a on a.id = e.application_id "
                + "where a.reference = ? order by e.id").param(ref).query(String.class).list())
                .containsExactly("BASELINE:ASSESSED", "MIDTERM:ASSESSED", "FINAL:ASSESSED");
        assertThat(support(ref, "status")).isEqualTo("FINISHED");
        assertThat(support(ref, "ended_by")).isEqualTo("COMPLETED");
        assertThat(applications.findByReference(ref).orElseThrow().status()).isEqualTo(ApplicationStatus.SUPPORT_FINISHED);
        assertThat(lastMail(ref).subject()).contains("fin de votre accompagnement");
        assertThat(jdbc.sql("select count(*) from support_objective o join application a on a.id = o.application_id "
                + "where a.reference = ? and o.reached = true").param(ref).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void overdueCheckInIsRemindedThenEscalatedAndHighRiskAlertsTheCoordination() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        ProcessInstance pi = active(ref);
        Task task = checkInAfterCycle(pi);
        assertThat(task.getDueDate()).isNotNull();
        assertThat(support(ref, "next_check_in_at")).isNotNull();

        fire(pi, "Timer_CheckInReminder");
        assertThat(mails(ref)).anySatisfy(m -> assertThat(m.subject()).startsWith("Point d'étape à faire"));
        fire(pi, "Timer_CheckInOverdue");
        assertThat(mails(ref)).anySatisfy(m -> {
            assertThat(m.subject()).startsWith("Point d'étape en retard");
            assertThat(m.recipient()).isEqualTo("coordination@kiif.fr");
        });
        assertThat(pi).isWaitingAt("UserTask_CheckIn");

        taskService.complete(task.getId(), checkIn(1.5, "HIGH"));
        assertThat(pi).hasPassed("ServiceTask_NotifyHighRisk");
        assertThat(lastMail(ref).subject()).startsWith("Risque élevé");
    }

    @Test
    void midTermStopEndsTheSupportLikeAWithdrawalAndPromotesFromTheSameIncubator() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        String waiting = waitlisted(call, "33", 1);
        String second = waitlisted(call, "33", 2);
        ProcessInstance pi = active(ref);
        fire(pi, "Timer_MidTerm");
        Task midTerm = single(pi, "UserTask_MidTermReview");
        assertThatThrownBy(() -> taskService.complete(midTerm.getId(), Map.of("continueSupport", false, "midTermSummary", "Difficile.")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("raison de l'arrêt");
        taskService.complete(midTerm.getId(), Map.of("continueSupport", false, "midTermSummary", "Difficile.",
                "stopReason", "Le projet change de cap."));

        assertThat(pi).isEnded().hasPassed("Event_SupportStopped", "ServiceTask_RecordSupportEnd", "EndEvent_Replaced");
        assertThat(support(ref, "status")).isEqualTo("STOPPED");
        assertThat(support(ref, "ended_by")).isEqualTo("MIDTERM_REVIEW");
        assertThat(support(ref, "end_reason")).isEqualTo("Le projet change de cap.");
        assertThat(mails(ref)).anySatisfy(m -> assertThat(m.subject()).startsWith("Accompagnement interrompu"));
        assertPromoted(waiting);
        assertThat(applications.findByReference(second).orElseThrow().status()).isEqualTo(ApplicationStatus.WAITLISTED);
    }

    @Test
    void withdrawalDuringOnboardingPromotesTheFirstWaitlistedOfTheSameIncubator() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        String second = waitlisted(call, "33", 2);
        String first = waitlisted(call, "33", 1);
        ProcessInstance pi = support(ref);
        assertThatThrownBy(() -> withdrawals.withdraw(ref, " ", "LAUREATE")).isInstanceOf(IllegalArgumentException.class);

        withdrawals.withdraw(ref, "Je rejoins un autre programme.", "LAUREATE");

        assertThat(pi).isEnded().hasPassed("Event_Withdrawn", "EndEvent_Replaced");
        assertThat(support(ref, "status")).isEqualTo("WITHDRAWN");
        assertThat(support(ref, "ended_by")).isEqualTo("LAUREATE");
        assertThat(applications.findByReference(ref).orElseThrow().status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertPromoted(first);
        assertThat(applications.findByReference(second).orElseThrow().status()).isEqualTo(ApplicationStatus.WAITLISTED);
        assertThatThrownBy(() -> withdrawals.withdraw(ref, "Encore", "LAUREATE")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withdrawalDuringBaselineCheckInAndFinalStages() {
        ProgrammeCall call = fixtures.supportCall();
        String atBaseline = fixtures.laureate(call, "33");
        onboard(support(atBaseline));
        impact.instance(atBaseline, ImpactPhase.BASELINE);
        withdrawals.withdraw(atBaseline, "Raison 1", "COACH");
        assertThat(support(atBaseline, "status")).isEqualTo("WITHDRAWN");
        // The running evaluation is cancelled with the support.
        assertThat(impact.evaluation(atBaseline, ImpactPhase.BASELINE).status().name()).isEqualTo("CANCELLED");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("impact-evaluation")
                .processInstanceBusinessKey(atBaseline).count()).isZero();
        assertThat(support(atBaseline, "ended_by")).isEqualTo("COACH");

        String duringCheckIn = fixtures.laureate(call, "33");
        ProcessInstance pi = active(duringCheckIn);
        checkInAfterCycle(pi);
        withdrawals.withdraw(duringCheckIn, "Raison 2", "LAUREATE");
        assertThat(pi).isEnded();
        assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();

        String atFinal = fixtures.laureate(call, "33");
        ProcessInstance last = active(atFinal);
        fire(last, "Timer_MidTerm");
        taskService.complete(single(last, "UserTask_MidTermReview").getId(), Map.of("continueSupport", true, "midTermSummary", "Ok"));
        impact.complete(atFinal, ImpactPhase.MIDTERM);
        fire(last, "Timer_SupportEnd");
        single(last, "UserTask_FinalReview");
        withdrawals.withdraw(atFinal, "Raison 3", "LAUREATE");
        assertThat(last).isEnded().hasPassed("EndEvent_NoReplacement");
    }

    @Test
    void withoutWaitlistInTheIncubatorTheBestScoreOfTheCallIsProposedToTheCoordination() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        String elsewhere = waitlisted(call, "69", 1);
        ProcessInstance pi = support(ref);
        withdrawals.withdraw(ref, "Départ", "LAUREATE");

        Task proposal = single(pi, "UserTask_ProposePromotion");
        assertThat(proposal).hasCandidateGroup("kiif-coordination");
        assertThat(proposal.getDueDate()).isNotNull();
        assertThat(runtimeService.getVariable(pi.getId(), "proposedReference")).isEqualTo(elsewhere);
        assertThatThrownBy(() -> taskService.complete(proposal.getId(), Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Indiquez si la candidature proposée");
        taskService.complete(proposal.getId(), Map.of("promotionAccepted", true));
        assertThat(pi).isEnded().hasPassed("ServiceTask_PromoteProposed");
        assertPromoted(elsewhere);
    }

    @Test
    void skippedProposalPromotesNobody() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        String elsewhere = waitlisted(call, "69", 1);
        ProcessInstance pi = support(ref);
        withdrawals.withdraw(ref, "Départ", "LAUREATE");
        taskService.complete(single(pi, "UserTask_ProposePromotion").getId(), Map.of("promotionAccepted", false));
        assertThat(pi).isEnded().hasPassed("EndEvent_ProposalSkipped");
        assertThat(applications.findByReference(elsewhere).orElseThrow().status()).isEqualTo(ApplicationStatus.WAITLISTED);
    }

    @Test
    void closedPromotionWindowPromotesNobody() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        String waiting = waitlisted(call, "33", 1);
        ProcessInstance pi = support(ref);
        // The call's decisions were recorded 61 days ago (window P60D).
        jdbc.sql("update application_event set occurred_at = ? where application_id in (select id from application where call_id = ?)")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(61))), call.id()).update();
        withdrawals.withdraw(ref, "Départ", "LAUREATE");
        assertThat(pi).isEnded().hasPassed("EndEvent_NoReplacement");
        assertThat(applications.findByReference(waiting).orElseThrow().status()).isEqualTo(ApplicationStatus.WAITLISTED);
    }

    @Test
    void theIncubatorReassignsTheCoachAndOpenTasksFollow() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        ProcessInstance pi = support(ref);
        Task onboarding = single(pi, "UserTask_Onboarding");
        String other = onboarding.getAssignee().equals("atis-1") ? "atis-2" : "atis-1";
        assertThatThrownBy(() -> reassignment.reassign(ref, "ronalpia-1")).isInstanceOf(IllegalArgumentException.class);

        reassignment.reassign(ref, other);
        assertThat(single(pi, "UserTask_Onboarding").getAssignee()).isEqualTo(other);
        assertThat(support(ref, "coach_id")).isEqualTo(other);
        taskService.complete(onboarding.getId(), plan(3, 20));
        assertThat(checkInAfterCycle(pi).getAssignee()).isEqualTo(other);
    }

    @Test
    void theOpenImpactAssessmentFollowsTheNewCoachToo() {
        ProgrammeCall call = fixtures.supportCall();
        String ref = fixtures.laureate(call, "33");
        ProcessInstance pi = support(ref);
        Task onboarding = single(pi, "UserTask_Onboarding");
        String coach = onboarding.getAssignee();
        String other = coach.equals("atis-1") ? "atis-2" : "atis-1";
        taskService.complete(onboarding.getId(), plan(3, 20));
        impact.answer(ref, ImpactPhase.BASELINE);
        assertThat(impact.assessmentTask(ref, ImpactPhase.BASELINE).getAssignee()).isEqualTo(coach);

        reassignment.reassign(ref, other);
        assertThat(impact.assessmentTask(ref, ImpactPhase.BASELINE).getAssignee()).isEqualTo(other);
        assertThat(runtimeService.getVariable(impact.instance(ref, ImpactPhase.BASELINE).getId(), "coachId")).isEqualTo(other);
    }

    // ---- helpers

    private void assertPromoted(String reference) {
        ProcessInstance application = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("application").singleResult();
        assertThat(application).isNull();
        assertThat(applications.findByReference(reference).orElseThrow().status()).isEqualTo(ApplicationStatus.SELECTED);
        assertThat(mails(reference)).anySatisfy(m -> assertThat(m.subject()).contains("sélectionné"));
        ProcessInstance promoted = support(reference);
        assertThat(promoted).isWaitingAt("UserTask_Onboarding");
    }

    private ProcessInstance active(String ref) {
        ProcessInstance pi = support(ref);
        onboard(pi);
        return pi;
    }

    private void onboard(ProcessInstance pi) {
        taskService.complete(single(pi, "UserTask_Onboarding").getId(), plan(3, 30));
    }

    private Task checkInAfterCycle(ProcessInstance pi) {
        fire(pi, "Timer_CheckInDue");
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_CheckIn")
                .orderByTaskCreateTime().desc().list().get(0);
    }

    private void fire(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().list().stream()
                .min(Comparator.comparing(Job::getDuedate)).orElseThrow(() -> new AssertionError("No timer " + activityId));
        Date now = ClockUtil.getCurrentTime();
        if (job.getDuedate().after(now)) {
            ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        }
        managementService.executeJob(job.getId());
    }

    private static Map<String, Object> plan(int objectives, int hours) {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= objectives; i++) {
            items.add("{\"objective\":\"Objectif " + i + "\",\"target\":\"Cible " + i + "\",\"dueMonth\":" + Math.min(i, 3) + "}");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("kickoffDate", "2026-03-02");
        variables.put("supportObjectives", "[" + String.join(",", items) + "]");
        variables.put("expectedSupportHours", hours);
        return variables;
    }

    private static Map<String, Object> checkIn(double hours, String risk) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("objectivesProgress", "[{\"progress\":\"IN_PROGRESS\"},{\"progress\":\"NOT_STARTED\"},{\"progress\":\"ACHIEVED\"}]");
        variables.put("supportHours", hours);
        variables.put("riskLevel", risk);
        variables.put("nextSteps", "Préparer le comité.");
        return variables;
    }

    private Object support(String ref, String column) {
        return jdbc.sql("select s." + column + " from laureate_support s join application a on a.id = s.application_id where a.reference = ?")
                .param(ref).query().singleValue();
    }

    private ProcessInstance support(String ref) {
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("cohort-support")
                .processInstanceBusinessKey(ref).singleResult();
        assertThat(pi).isNotNull();
        return pi;
    }

    private Task single(ProcessInstance pi, String activityId) {
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(activityId).list();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private List<OutboxRows.Mail> mails(String ref) {
        return OutboxRows.forApplication(jdbc, ref);
    }

    private OutboxRows.Mail lastMail(String ref) {
        List<OutboxRows.Mail> mails = mails(ref);
        return mails.get(mails.size() - 1);
    }

    private String waitlisted(ProgrammeCall call, String departement, int rank) {
        ProcessInstance pi = fixtures.reviewed(call, departement);
        long id = applications.findByReference(pi.getBusinessKey()).orElseThrow().id();
        jdbc.sql("insert into jury_decision (application_id, decision, waitlist_rank, decided_at) values (?, 'WAITLISTED', ?, ?)")
                .params(id, rank, Timestamp.from(Instant.now())).update();
        fixtures.decide(pi, "WAITLISTED", rank);
        return pi.getBusinessKey();
    }

}
