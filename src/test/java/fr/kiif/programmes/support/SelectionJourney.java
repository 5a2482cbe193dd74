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
import java.util.function.Consumer;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import fr.kiif.programmes.application.ApplicationRepository;
import fr.kiif.programmes.application.ApplicationStatus;

/**
 * A call taken through selection as its users would: created and published by the coordination (API),
 * applications through the public API, eligibility and reviews by the staff and the jury's decisions in
 * the engine REST API. The steps serve the journey tests; {@link #selectCohort} chains them for one
 * incubator.
 */
@Component
public class SelectionJourney {

    /** A call published through the coordination API; {@code created} is the API's answer. */
    public record PublishedCall(String id, ProcessInstance process, Instant opensAt, Instant closesAt, JsonNode created) {
    }

    /** An application submitted through the public API, and its process instance. */
    public record Applicant(int index, String email, String organisation, String reference, String processInstanceId) {
    }

    /** The call and its laureates' references, in application order. */
    public record Cohort(String callId, String callProcessInstanceId, List<String> references, List<String> emails) {
    }

    /** The eligibility check's variables for an eligible application. */
    public static final Map<String, Object> ELIGIBLE = Map.of("eligibilityOutcome", EngineSteps.value("ELIGIBLE"));

    private final EngineSteps engine;
    private final TaskService taskService;
    private final ApplicationRepository applications;
    private final TestRestTemplate http;

    public SelectionJourney(EngineSteps engine, TaskService taskService, ApplicationRepository applications, TestRestTemplate http) {
        this.engine = engine;
        this.taskService = taskService;
        this.applications = applications;
        this.http = http;
    }

    /**
     * Selects {@code laureates} applications of {@code departement} for the incubator; support of
     * {@code supportDuration}, a check-in every {@code checkInEvery}. Leaves the engine clock reset.
     */
    public Cohort selectCohort(String incubator, String departement, int laureates, String supportDuration, String checkInEvery) {
        PublishedCall call = publishCall("journey-", body -> {
            body.put("title", "Parcours " + body.get("id"));
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
        });
        String callPi = call.process().getId();
        openCall(call);

        List<Applicant> applicants = new ArrayList<>();
        for (int i = 1; i <= laureates; i++) {
            // Team and funding differ per laureate: the impact questionnaires prefill them.
            applicants.add(submit(call.id(), i, departement, i + 1, 10000L * i));
        }
        applicants.forEach(a -> engine.executeJobs(a.processInstanceId()));
        applicants.forEach(a -> checkEligibility(incubator + "-1", a.reference(), ELIGIBLE));
        applicants.forEach(a -> engine.executeJobs(a.processInstanceId()));
        closeCall(call);
        applicants.forEach(a -> completeReview(a.processInstanceId(), review(4, 4, "Projet solide.", "SELECT")));
        engine.executeJobs(callPi);
        Task prepare = engine.task(callPi, "UserTask_PrepareJury");
        engine.completeOk("coordination-1", prepare.getId(), Map.of("agendaConfirmed", EngineSteps.value(true)));
        engine.executeJobs(callPi);
        Task deliberation = engine.task(callPi, "UserTask_JuryDeliberation");
        List<Map<String, Object>> decisions = new ArrayList<>();
        applicants.forEach(a -> decisions.add(decision(a.reference(), "SELECTED", null, "Projet retenu.")));
        engine.completeOk("jury-1", deliberation.getId(), juryDecisions(decisions));
        engine.executeJobs(callPi);
        applicants.forEach(a -> engine.executeJobs(a.processInstanceId()));
        ClockUtil.reset();
        assertThat(taskService.createTaskQuery().processInstanceId(callPi).count()).isZero();
        return new Cohort(call.id(), callPi, applicants.stream().map(Applicant::reference).toList(),
                applicants.stream().map(Applicant::email).toList());
    }

    /**
     * The coordination creates and publishes a call through its API: {@link CallBodies}' body, opened a
     * minute ago and closing in three, then {@code settings}. Its process waits for the opening timer.
     */
    public PublishedCall publishCall(String idPrefix, Consumer<Map<String, Object>> settings) {
        String callId = idPrefix + UUID.randomUUID().toString().substring(0, 8);
        Instant opensAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant closesAt = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = CallBodies.body(callId, opensAt, closesAt);
        settings.accept(body);
        body.put("publish", true);
        ResponseEntity<String> created = http.withBasicAuth("coordination-1", "demo").postForEntity("/api/coordination/calls",
                body, String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        return new PublishedCall(callId, engine.instance("programme-call", callId), opensAt, closesAt, engine.read(created.getBody()));
    }

    /** The opening timer fires (engine clock moved past it, then reset): applications are accepted. */
    public void openCall(PublishedCall call) {
        ClockUtil.setCurrentTime(Date.from(call.opensAt().plusSeconds(1)));
        engine.executeJobs(call.process().getId());
        ClockUtil.reset();
    }

    /** The closing timer fires: selection starts. The engine clock stays past the closing, as the review timers expect. */
    public void closeCall(PublishedCall call) {
        ClockUtil.setCurrentTime(Date.from(call.closesAt().plusSeconds(1)));
        engine.executeJobs(call.process().getId());
    }

    /** Application n°{@code index}, a team of two with 15 000 € raised; its process's jobs are not run yet. */
    public Applicant submit(String callId, int index, String departement) {
        return submit(callId, index, departement, 2, 15000);
    }

    /** Application n°{@code index} of a new applicant through the public API; its process's jobs are not run yet. */
    public Applicant submit(String callId, int index, String departement, int teamSize, long fundingToDate) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "journey-" + index + "-" + suffix + "@example.org";
        String organisation = "Structure du parcours " + index + " " + suffix;
        String json = """
                {"organisationName":"%s","legalForm":"ASSOCIATION","siret":null,"departement":"%s",
                "contact":{"firstName":"Porteur%d","lastName":"Martin","email":"%s","phone":"0601020304"},
                "projectTitle":"Projet du parcours n°%d","summary":"Des cafés mortels itinérants.","socialNeed":"Isolement des endeuillés.",
                "beneficiaries":"Personnes endeuillées.","stage":"LAUNCH","teamSize":%d,"fundingToDate":%d,
                "supportNeeds":"Modèle économique.","themeFit":"Deuil et fin de vie.","consent":true}
                """.formatted(organisation, departement, index, email, index, teamSize, fundingToDate);
        ResponseEntity<String> response = http.postForEntity("/api/calls/" + callId + "/applications",
                new HttpEntity<>(json, EngineSteps.jsonHeaders()), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
        String reference = engine.read(response.getBody()).get("reference").asText();
        return new Applicant(index, email, organisation, reference, engine.instance("application", reference).getId());
    }

    /** The staff member finds the application's only task, its eligibility check, in the engine REST API and completes it. */
    public void checkEligibility(String staff, String reference, Map<String, Object> variables) {
        JsonNode task = engine.singleTask(staff, "processInstanceBusinessKey=" + reference);
        assertThat(task.get("taskDefinitionKey").asText()).as(reference).isEqualTo("UserTask_CheckEligibility");
        engine.completeOk(staff, task.get("id").asText(), variables);
    }

    /** The application's single open review, completed by its reviewer in the engine REST API; returns the reviewer. */
    public String completeReview(String applicationPi, Map<String, Object> review) {
        Task task = engine.task(applicationPi, "UserTask_ReviewApplication");
        engine.completeOk(task.getAssignee(), task.getId(), review);
        engine.executeJobs(applicationPi);
        return task.getAssignee();
    }

    /** A review without conflict of interest: {@code others} for every criterion but social impact. */
    public static Map<String, Object> review(int socialImpact, int others, String comment, String recommendation) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("conflictOfInterest", EngineSteps.value(false));
        variables.put("scoreSocialImpact", EngineSteps.value(socialImpact));
        for (String score : List.of("scoreInnovation", "scoreTeam", "scoreEconomicModel", "scoreThemeFit", "scoreScaling")) {
            variables.put(score, EngineSteps.value(others));
        }
        variables.put("reviewComment", EngineSteps.value(comment));
        variables.put("recommendation", EngineSteps.value(recommendation));
        return variables;
    }

    /** One row of the jury's decisions (mutable: a test may spoil it). */
    public static Map<String, Object> decision(String reference, String decision, Integer waitlistRank, String rationale) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("applicationRef", reference);
        row.put("decision", decision);
        row.put("waitlistRank", waitlistRank);
        row.put("rationale", rationale);
        return row;
    }

    /** The deliberation's variables, the rows as Tasklist sends them. */
    public Map<String, Object> juryDecisions(List<Map<String, Object>> rows) {
        return Map.of("juryDecisions", engine.jsonValue(rows));
    }

    public ApplicationStatus status(String reference) {
        return applications.findByReference(reference).orElseThrow().status();
    }

    public long applicationId(String reference) {
        return applications.findByReference(reference).orElseThrow().id();
    }
}
