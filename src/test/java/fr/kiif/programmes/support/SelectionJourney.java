package fr.kiif.programmes.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A call of one incubator taken through selection as its users would: created and published by the
 * coordination (API), applications through the public API, eligibility and one territorial review per
 * application by the incubator's staff, the jury preparation and a deliberation selecting everyone.
 */
@Component
public class SelectionJourney {

    /** The call and its laureates' references, in application order. */
    public record Cohort(String callId, String callProcessInstanceId, List<String> references, List<String> emails) {
    }

    private final EngineSteps engine;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final TestRestTemplate http;

    public SelectionJourney(EngineSteps engine, RuntimeService runtimeService, TaskService taskService, TestRestTemplate http) {
        this.engine = engine;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.http = http;
    }

    /**
     * Selects {@code laureates} applications of {@code departement} for the incubator; support of
     * {@code supportDuration}, a check-in every {@code checkInEvery}. Leaves the engine clock reset.
     */
    public Cohort selectCohort(String incubator, String departement, int laureates, String supportDuration, String checkInEvery) {
        String callId = "journey-" + UUID.randomUUID().toString().substring(0, 8);
        Instant opensAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant closesAt = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        ResponseEntity<String> created = http.withBasicAuth("coordination-1", "demo").postForEntity("/api/coordination/calls",
                callBody(callId, opensAt, closesAt, incubator, laureates, supportDuration, checkInEvery), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        String callPi = runtimeService.createProcessInstanceQuery().processDefinitionKey("programme-call")
                .processInstanceBusinessKey(callId).singleResult().getId();
        ClockUtil.setCurrentTime(Date.from(opensAt.plusSeconds(1)));
        engine.executeJobs(callPi);
        ClockUtil.reset();

        List<String> references = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<String> applicationPis = new ArrayList<>();
        for (int i = 1; i <= laureates; i++) {
            String email = "journey-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
            ResponseEntity<String> response = http.postForEntity("/api/calls/" + callId + "/applications",
                    new HttpEntity<>(applicationJson(i, departement, email), EngineSteps.jsonHeaders()), String.class);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
            String reference = engine.read(response.getBody()).get("reference").asText();
            references.add(reference);
            emails.add(email);
            applicationPis.add(runtimeService.createProcessInstanceQuery().processDefinitionKey("application")
                    .processInstanceBusinessKey(reference).singleResult().getId());
        }
        applicationPis.forEach(engine::executeJobs);
        for (String reference : references) {
            String staff = incubator + "-1";
            JsonNode tasks = engine.tasksSeenBy(staff, reference);
            assertThat(tasks).hasSize(1);
            engine.completeOk(staff, tasks.get(0).get("id").asText(), Map.of("eligibilityOutcome", EngineSteps.value("ELIGIBLE")));
        }
        applicationPis.forEach(engine::executeJobs);
        ClockUtil.setCurrentTime(Date.from(closesAt.plusSeconds(1)));
        engine.executeJobs(callPi);
        for (String pi : applicationPis) {
            Task review = engine.task(pi, "UserTask_ReviewApplication");
            engine.completeOk(review.getAssignee(), review.getId(), review());
            engine.executeJobs(pi);
        }
        engine.executeJobs(callPi);
        Task prepare = engine.task(callPi, "UserTask_PrepareJury");
        engine.completeOk("coordination-1", prepare.getId(), Map.of("agendaConfirmed", EngineSteps.value(true)));
        engine.executeJobs(callPi);
        Task deliberation = engine.task(callPi, "UserTask_JuryDeliberation");
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (String reference : references) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("applicationRef", reference);
            row.put("decision", "SELECTED");
            row.put("waitlistRank", null);
            row.put("rationale", "Projet retenu.");
            decisions.add(row);
        }
        engine.completeOk("jury-1", deliberation.getId(), Map.of("juryDecisions", engine.jsonValue(decisions)));
        engine.executeJobs(callPi);
        applicationPis.forEach(engine::executeJobs);
        ClockUtil.reset();
        assertThat(taskService.createTaskQuery().processInstanceId(callPi).count()).isZero();
        return new Cohort(callId, callPi, references, emails);
    }

    private static Map<String, Object> callBody(String id, Instant opensAt, Instant closesAt, String incubator, int laureates,
            String supportDuration, String checkInEvery) {
        Map<String, Object> body = CallBodies.body(id, opensAt, closesAt);
        body.put("title", "Parcours " + id);
        body.put("description", "Un appel mené de bout en bout par un test.");
        body.put("incubators", List.of(incubator));
        body.put("quotas", Map.of(incubator, laureates));
        body.put("cohortSize", laureates);
        body.put("waitlistSize", 0);
        body.put("territorialReviewers", 1);
        body.put("crossReviewers", 0);
        body.put("promotionWindow", "P60D");
        body.put("supportDuration", supportDuration);
        body.put("checkInEvery", checkInEvery);
        body.put("publish", true);
        return body;
    }

    private static String applicationJson(int index, String departement, String email) {
        return """
                {"organisationName":"Structure du parcours %d %s","legalForm":"ASSOCIATION","siret":null,"departement":"%s",
                "contact":{"firstName":"Porteur%d","lastName":"Martin","email":"%s","phone":"0601020304"},
                "projectTitle":"Projet du parcours n°%d","summary":"Des cafés mortels itinérants.","socialNeed":"Isolement des endeuillés.",
                "beneficiaries":"Personnes endeuillées.","stage":"LAUNCH","teamSize":%d,"fundingToDate":%d,
                "supportNeeds":"Modèle économique.","themeFit":"Deuil et fin de vie.","consent":true}
                """.formatted(index, UUID.randomUUID().toString().substring(0, 6), departement, index, email, index, index + 1,
                10000 * index);
    }

    private static Map<String, Object> review() {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("conflictOfInterest", EngineSteps.value(false));
        for (String score : List.of("scoreSocialImpact", "scoreInnovation", "scoreTeam", "scoreEconomicModel", "scoreThemeFit",
                "scoreScaling")) {
            variables.put(score, EngineSteps.value(4));
        }
        variables.put("reviewComment", EngineSteps.value("Projet solide."));
        variables.put("recommendation", EngineSteps.value("SELECT"));
        return variables;
    }
}
