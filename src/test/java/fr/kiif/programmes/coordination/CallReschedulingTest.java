package fr.kiif.programmes.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

import fr.kiif.programmes.call.CallRepository;
import fr.kiif.programmes.call.CallStatus;
import fr.kiif.programmes.support.SpringTestBase;
import fr.kiif.programmes.support.CallBodies;

/** A published call whose opening date is moved before opening waits for the new date. */
class CallReschedulingTest extends SpringTestBase {

    @Autowired TestRestTemplate http;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired CallRepository calls;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void movingTheOpeningDateOfAPublishedCallMovesItsOpeningTimer() {
        String id = CallBodies.uniqueId();
        Instant opensAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = CallBodies.body(id, opensAt, opensAt.plus(Duration.ofDays(10)));
        body.put("publish", true);
        assertThat(http.withBasicAuth("coordination-1", "demo").postForEntity("/api/coordination/calls", body, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(openingTimer(id).getDuedate()).isEqualTo(Date.from(opensAt));

        Instant later = opensAt.plus(Duration.ofDays(2));
        Map<String, Object> moved = CallBodies.body(id, later, later.plus(Duration.ofDays(10)));
        assertThat(http.withBasicAuth("coordination-1", "demo").exchange("/api/coordination/calls/" + id, HttpMethod.PUT,
                new HttpEntity<>(moved), String.class).getStatusCode().is2xxSuccessful()).isTrue();

        Job timer = openingTimer(id);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(later));
        ClockUtil.setCurrentTime(Date.from(opensAt.plus(Duration.ofMinutes(1))));
        assertThat(managementService.createJobQuery().jobId(timer.getId()).executable().count()).isZero();
        ClockUtil.setCurrentTime(Date.from(later.plus(Duration.ofMinutes(1))));
        assertThat(managementService.createJobQuery().jobId(timer.getId()).executable().count()).isOne();
        managementService.executeJob(timer.getId());
        assertThat(calls.status(id)).isEqualTo(CallStatus.OPEN);
    }

    private Job openingTimer(String callId) {
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(callId)
                .processDefinitionKey("programme-call").singleResult().getId();
        return managementService.createJobQuery().processInstanceId(processInstanceId).activityId("Timer_CallOpens")
                .singleResult();
    }
}
