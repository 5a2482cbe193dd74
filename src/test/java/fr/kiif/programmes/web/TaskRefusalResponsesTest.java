package fr.kiif.programmes.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import fr.kiif.programmes.support.CohortFixtures;
import fr.kiif.programmes.support.EngineSteps;
import fr.kiif.programmes.support.SpringTestBase;

/** A completion refused by a complete listener reaches REST callers (and Tasklist) as 400 with the French reason only. */
class TaskRefusalResponsesTest extends SpringTestBase {

    @Autowired CohortFixtures fixtures;
    @Autowired EngineSteps engine;
    @Autowired TaskService taskService;

    @Test
    void refusedCompletionAnswers400WithTheReasonAndTheTaskStaysOpen() {
        String taskId = eligibilityCheck();

        ResponseEntity<String> refused = engine.complete("atis-1", taskId,
                Map.of("eligibilityOutcome", EngineSteps.value("INELIGIBLE")));
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode body = engine.read(refused.getBody());
        assertThat(body.path("type").asText()).isEqualTo("TaskRefusal");
        assertThat(body.path("message").asText())
                .isEqualTo("Indiquez dans le commentaire la raison de la non-éligibilité : elle est envoyée au porteur de projet.");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();

        engine.completeOk("atis-1", taskId, Map.of("eligibilityOutcome", EngineSteps.value("INELIGIBLE"),
                "eligibilityComment", EngineSteps.value("Hors du champ de l'appel.")));
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
    }

    @Test
    void otherFailuresKeepTheEngineAnswer() {
        String taskId = eligibilityCheck();
        // Not allowed (another incubator): the engine's own 403, untouched.
        ResponseEntity<String> forbidden = engine.complete("ronalpia-1", taskId, Map.of("eligibilityOutcome", EngineSteps.value("ELIGIBLE")));
        assertThat(forbidden.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(engine.read(forbidden.getBody()).path("type").asText()).isNotEqualTo("TaskRefusal");
        // No such task: the engine's error, untouched.
        ResponseEntity<String> missing = engine.complete("atis-1", "no-such-task", Map.of());
        assertThat(missing.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(engine.read(missing.getBody()).path("type").asText()).isNotEqualTo("TaskRefusal");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isOne();
    }

    private String eligibilityCheck() {
        ProcessInstance pi = fixtures.submitted(fixtures.supportCall(), "33");
        engine.executeJobs(pi.getId());
        return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("UserTask_CheckEligibility")
                .singleResult().getId();
    }
}
