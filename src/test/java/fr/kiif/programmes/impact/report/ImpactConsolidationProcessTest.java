package fr.kiif.programmes.impact.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

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
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.call.ProgrammeCall;
import fr.kiif.programmes.support.SpringTestBase;

/**
 * The end of {@code programme-call} on the real engine, clock moved: the call waits for its cohort's
 * support, CohortSupportEnded (or the periodic check) brings the consolidation, the coordination sends the
 * report back once then validates it, the call is closed and its open data published. The instance starts
 * at the support wait (the earlier path is CallProcessTest's).
 */
class ImpactConsolidationProcessTest extends SpringTestBase {

    @Autowired ProcessEngine processEngine;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IdentityService identityService;
    @Autowired JdbcClient jdbc;
    @Autowired CallRepository calls;
    @Autowired ApplicationRepository applications;
    @Autowired CohortSupportEnd supportEnd;
    @Autowired TestRestTemplate http;

    private ImpactRows rows;
    private ProgrammeCall call;
    private String first;
    private String second;

    @BeforeEach
    void cohort() {
        BpmnAwareTests.init(processEngine);
        rows = new ImpactRows(jdbc, calls, applications);
        call = rows.call();
        calls.updateStatus(call.id(), CallStatus.DECIDED);
        first = rows.laureate(call, "atis", "gironde", "atis-1");
        second = rows.laureate(call, "ronalpia", "lyon-ain", "ronalpia-1");
        for (String reference : List.of(first, second)) {
            long baseline = rows.evaluation(reference, "BASELINE", "ASSESSED", null, null);
            rows.number(baseline, "founder-confidence", "2");
            long last = rows.evaluation(reference, "FINAL", "ASSESSED", 4, null);
            rows.number(last, "founder-confidence", "5");
        }
    }

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identityService.clearAuthentication();
    }

    @Test
    void lastSupportEndingBringsConsolidationThenTheCoordinationSendsBackOnceAndValidates() {
        // Frozen: the task's create time and its due date are read from the clock at two different moments.
        Date consolidatedAt = Date.from(Instant.parse("2026-11-02T09:00:00Z"));
        ClockUtil.setCurrentTime(consolidatedAt);
        ProcessInstance pi = startAtSupportWait();
        assertThat(pi).isWaitingAt("Gateway_AwaitSupportEnd").hasPassed("ServiceTask_CheckCohortSupport");
        assertThat(pi).variables().containsEntry("cohortSupportEnded", false).containsEntry("supportCheckEvery", "PT24H");

        supportEnd.laureateClosed(first, Instant.now());
        assertThat(pi).isWaitingAt("Gateway_AwaitSupportEnd");
        assertThat(closedAt(first)).isTrue();
        assertThat(closedAt(second)).isFalse();

        supportEnd.laureateClosed(second, Instant.now());
        assertThat(pi).hasPassed("Event_CohortSupportEnded").isWaitingAt("ServiceTask_ConsolidateImpact");
        executeJobs(pi);
        assertThat(pi).isWaitingAt("UserTask_ValidateImpactReport");
        assertThat(jdbc.sql("select count(*) from impact_report where call_id = ?").param(call.id()).query(Integer.class).single())
                .isOne();

        Task task = task(pi);
        assertThat(task).hasCandidateGroup("kiif-coordination").hasName("Valider le rapport d'impact");
        assertThat(task.getDueDate()).isEqualTo(Date.from(consolidatedAt.toInstant().plus(Duration.ofDays(14))));
        assertThat((String) runtimeService.getVariable(pi.getId(), "impactSummary"))
                .startsWith("2 lauréats avec au moins une évaluation validée : 2 mesures à l'entrée, 2 mesures finales.")
                .contains("4 sur 5");
        assertThat(runtimeService.getVariable(pi.getId(), "impactKeyFigures").toString())
                .contains("Confiance dans sa capacité").contains("moyenne 2").contains("+3 (2 lauréats)");
        assertThat((String) runtimeService.getVariable(pi.getId(), "impactReportUrl"))
                .endsWith("/coordination/appels/" + call.id() + "/impact");

        // Checked on the server: Tasklist's checks run only in the browser.
        assertThatThrownBy(() -> taskService.complete(task.getId()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Choisissez « Valider le rapport »");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("impactReportDecision", "RECONSOLIDATE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ce qui doit être corrigé");
        assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("impactReportDecision", "VALIDATE",
                "impactValidationComment", "x".repeat(2001))))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("2 000 caractères");
        assertThat(pi).isWaitingAt("UserTask_ValidateImpactReport");

        // Sent back: a coach corrects a value, consolidation runs again with a fresh decision.
        taskService.complete(task.getId(), Map.of("impactReportDecision", "RECONSOLIDATE",
                "impactValidationComment", "La valeur finale d'Atis est à vérifier."));
        assertThat(pi).hasPassed("Gateway_ReportValidated").hasNotPassed("ServiceTask_RecordImpactValidation").isWaitingAt("ServiceTask_ConsolidateImpact");
        jdbc.sql("update impact_value set value_number = 3 where indicator_id = 'founder-confidence' and evaluation_id in "
                + "(select e.id from impact_evaluation e join application a on a.id = e.application_id where a.reference = ? and e.phase = 'FINAL')")
                .param(first).update();
        executeJobs(pi);
        assertThat(pi).isWaitingAt("UserTask_ValidateImpactReport");
        assertThat(runtimeService.getVariable(pi.getId(), "impactReportDecision")).isNull();
        assertThat(runtimeService.getVariable(pi.getId(), "impactKeyFigures").toString()).contains("+2 (2 lauréats)");
        assertThat(http.getForEntity("/donnees-ouvertes/impact/" + call.id() + ".csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        identityService.setAuthentication("coordination-1", List.of("kiif-coordination"));
        taskService.complete(task(pi).getId(), Map.of("impactReportDecision", "VALIDATE",
                "impactValidationComment", "Relu avec les incubateurs."));
        identityService.clearAuthentication();
        assertThat(pi).isEnded().hasPassed("ServiceTask_RecordImpactValidation", "EndEvent_CallCompleted");
        assertThat(calls.status(call.id())).isEqualTo(CallStatus.CLOSED);
        Map<String, Object> report = jdbc.sql("select validated_by, validation_comment from impact_report where call_id = ?")
                .param(call.id()).query().singleRow();
        assertThat(report).containsEntry("VALIDATED_BY", "coordination-1").containsEntry("VALIDATION_COMMENT", "Relu avec les incubateurs.");
        assertThat(http.getForEntity("/donnees-ouvertes/impact/" + call.id() + ".csv", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void periodicCheckFindsAnEndTheMessageMissed() {
        ProcessInstance pi = startAtSupportWait();
        // Supports closed without the listener (e.g. before it was deployed): only the periodic check sees it.
        jdbc.sql("update laureate_support set closed_at = ? where call_id = ?").params(Instant.now().atOffset(ZoneOffset.UTC), call.id()).update();
        assertThat(pi).isWaitingAt("Gateway_AwaitSupportEnd");

        Job check = timer(pi, "Timer_SupportCheck");
        assertThat(Duration.between(ClockUtil.getCurrentTime().toInstant(), check.getDuedate().toInstant()))
                .isLessThanOrEqualTo(Duration.ofDays(1));
        moveClockTo(check.getDuedate().toInstant().plusSeconds(1));
        managementService.executeJob(check.getId());
        assertThat(pi).hasPassed("Timer_SupportCheck", "Gateway_ConsolidateJoin").hasNotPassed("Event_CohortSupportEnded").isWaitingAt("ServiceTask_ConsolidateImpact");
    }

    @Test
    void periodicCheckWaitsAgainWhileALaureateIsStillSupported() {
        ProcessInstance pi = startAtSupportWait();
        supportEnd.laureateClosed(first, Instant.now());
        Job check = timer(pi, "Timer_SupportCheck");
        moveClockTo(check.getDuedate().toInstant().plusSeconds(1));
        managementService.executeJob(check.getId());
        assertThat(pi).isWaitingAt("Gateway_AwaitSupportEnd");
        assertThat(timer(pi, "Timer_SupportCheck").getDuedate()).isAfter(check.getDuedate());
    }

    @Test
    void cohortAlreadyOverGoesStraightToConsolidationAndALateValidationIsEscalated() {
        supportEnd.laureateClosed(first, Instant.now());
        supportEnd.laureateClosed(second, Instant.now());
        ProcessInstance pi = startAtSupportWait();
        assertThat(pi).hasPassed("Gateway_ConsolidateJoin").hasNotPassed("Gateway_AwaitSupportEnd").isWaitingAt("ServiceTask_ConsolidateImpact");
        executeJobs(pi);
        assertThat(pi).isWaitingAt("UserTask_ValidateImpactReport");

        moveClockTo(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(14)).plusSeconds(1));
        managementService.executeJob(timer(pi, "Timer_ValidateImpactReportOverdue").getId());
        assertThat(pi).hasPassed("ServiceTask_EscalateValidateImpactReport").isWaitingAt("UserTask_ValidateImpactReport");
        String subject = jdbc.sql("select subject from mail_outbox where dedup_key like ? order by id desc")
                .param(pi.getId() + ":%").query(String.class).list().get(0);
        assertThat(subject).isEqualTo("Tâche en retard : « Valider le rapport d'impact » pour l'appel " + call.id());
    }

    private ProcessInstance startAtSupportWait() {
        return runtimeService.createProcessInstanceByKey("programme-call").businessKey(call.id())
                .setVariable("callId", call.id()).startBeforeActivity("Gateway_SupportCheckJoin").execute();
    }

    private boolean closedAt(String reference) {
        return jdbc.sql("select s.closed_at is not null from laureate_support s join application a on a.id = s.application_id "
                + "where a.reference = ?").param(reference).query(Boolean.class).single();
    }

    private Task task(ProcessInstance pi) {
        return taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private Job timer(ProcessInstance pi, String activityId) {
        return managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).timers().singleResult();
    }

    private void executeJobs(ProcessInstance pi) {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = managementService.createJobQuery().processInstanceId(pi.getId()).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
        throw new AssertionError("Jobs keep coming for " + pi.getId());
    }

    private static void moveClockTo(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }
}
